package com.roseash.contract;

import java.util.ArrayList;
import java.util.List;

/** The keys of the Secret {@code <platform>-secrets} that the operator generates once and never rotates by itself. */
public final class GeneratedSecret {

    public static final String SESSION_SECRET = "session-secret";
    public static final String SIGNING_KEY = "signing-key";
    public static final String ADMIN_PASSWORD = "admin-password";

    private GeneratedSecret() {
    }

    public static String clientSecret(ServiceName client) {
        return "client-secret-" + client.id();
    }

    /** Every key the operator generates: one client secret per service, enabled or not, so enabling one needs no new key. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of(SESSION_SECRET, SIGNING_KEY, ADMIN_PASSWORD));
        for (ServiceName service : ServiceName.values()) {
            keys.add(clientSecret(service));
        }
        return List.copyOf(keys);
    }
}
