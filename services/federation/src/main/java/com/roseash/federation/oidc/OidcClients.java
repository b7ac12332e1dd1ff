package com.roseash.federation.oidc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.roseash.contract.ServiceName;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;

/** The registered clients: every service with a client secret configured, at its public URL. */
public final class OidcClients {

    private final Map<String, OidcClient> clients;

    public OidcClients(Map<String, OidcClient> clients) {
        this.clients = Map.copyOf(clients);
    }

    public static OidcClients from(RoseAshConfig config) {
        Map<String, OidcClient> clients = new LinkedHashMap<>();
        for (ServiceName service : ServiceName.values()) {
            config.value(PlatformSettings.clientSecret(service)).ifPresent(secret -> {
                String base = config.string(PlatformSettings.publicUrl(service));
                base = base.endsWith("/") ? base : base + "/";
                clients.put(service.id(), new OidcClient(service.id(), secret, Set.of(base + "auth/callback"), Set.of(base)));
            });
        }
        return new OidcClients(clients);
    }

    public Optional<OidcClient> byId(String id) {
        return Optional.ofNullable(id).map(clients::get);
    }
}
