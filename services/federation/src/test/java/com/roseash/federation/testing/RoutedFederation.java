package com.roseash.federation.testing;

import java.util.Map;

import com.roseash.federation.FederationService;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.server.ServiceParts;
import com.roseash.platform.testing.RoutedClient;
import io.helidon.webserver.http.HttpRouting;

/**
 * Federation as {@link FederationService#parts} builds it, reached through its public routing without
 * sockets. Page tests use it; the tests of sign-in across services start it on its sockets
 * ({@link RunningFederation}).
 */
public final class RoutedFederation implements AutoCloseable {

    public final DatabaseSettings database;
    private final ServiceParts parts;

    public RoutedFederation(Map<String, String> extra) {
        database = RunningFederation.migratedDatabase();
        parts = FederationService.parts(RunningFederation.overrides(database, extra));
    }

    /** A new browser with no cookies yet. */
    public RoutedClient browser() {
        HttpRouting.Builder routing = HttpRouting.builder();
        parts.server().setUpPublic(routing);
        return new RoutedClient(routing);
    }

    @Override
    public void close() {
        parts.close();
    }
}
