package com.roseash.federation.testing;

import java.util.List;
import java.util.Map;

import com.roseash.contract.ServiceName;
import com.roseash.federation.FederationService;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.Migrator;
import com.roseash.platform.server.RunningService;
import com.roseash.platform.testing.TestPostgres;
import com.roseash.platform.testing.TestRedis;
import com.roseash.platform.testing.TestServices;

/** Federation started in-process on free loopback ports, with the blog registered as a client. */
public final class RunningFederation implements AutoCloseable {

    public static final String BLOG_SECRET = "blog-client-secret-for-tests";
    public static final String BLOG_URL = "http://blog.test.example/";
    public static final String BLOG_CALLBACK = BLOG_URL + "auth/callback";

    public final RunningService service;
    public final DatabaseSettings database;

    public RunningFederation(Map<String, String> extra) {
        database = migratedDatabase();
        service = FederationService.start(overrides(database, extra));
    }

    static DatabaseSettings migratedDatabase() {
        DatabaseSettings database = TestPostgres.shared().newDatabase();
        new Migrator(database, List.of(FederationService.MIGRATIONS)).migrateAll();
        return database;
    }

    /** Federation's test configuration: loopback, the shared Redis, the blog as a registered client, then {@code extra}. */
    static Map<String, String> overrides(DatabaseSettings database, Map<String, String> extra) {
        Map<String, String> overrides = TestServices.overrides(database, TestRedis.shared().url());
        overrides.put(PlatformSettings.publicUrl(ServiceName.BLOG).key(), BLOG_URL);
        overrides.put(PlatformSettings.clientSecret(ServiceName.BLOG).key(), BLOG_SECRET);
        overrides.putIfAbsent(PlatformSettings.publicUrl(ServiceName.FEDERATION).key(), "http://federation.test.example/");
        overrides.putAll(extra);
        return overrides;
    }

    public String publicBase() {
        return "http://127.0.0.1:" + service.publicPort();
    }

    @Override
    public void close() {
        service.close();
    }
}
