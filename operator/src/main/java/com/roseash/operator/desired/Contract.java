package com.roseash.operator.desired;

import java.util.List;
import java.util.Locale;

/**
 * The runtime contract with the services (DESIGN section 4), as the operator needs it: the services,
 * their sockets and probe paths, and the environment variables their configuration reads. The services
 * hold the same names in services/platform (PlatformSettings, Sockets).
 */
public final class Contract {

    public static final List<String> SERVICES = List.of("blog", "market", "cart", "events", "federation", "account");

    public static final int PUBLIC_PORT = 8080;
    public static final int INTERNAL_PORT = 8081;
    public static final int ADMIN_PORT = 9090;
    public static final String LIVENESS_PATH = "/observe/health/live";
    public static final String READINESS_PATH = "/observe/health/ready";

    public static final String DB_URL = "ROSE_ASH_DB_URL";
    public static final String DB_USER = "ROSE_ASH_DB_USER";
    public static final String DB_PASSWORD = "ROSE_ASH_DB_PASSWORD";
    public static final String REDIS_URL = "ROSE_ASH_REDIS_URL";
    public static final String DOMAIN = "ROSE_ASH_DOMAIN";
    public static final String SESSION_SECRET = "ROSE_ASH_SESSION_SECRET";
    public static final String SIGNING_KEY = "ROSE_ASH_SIGNING_KEY";
    public static final String ADMIN_EMAIL = "ROSE_ASH_ADMIN_EMAIL";
    public static final String ADMIN_PASSWORD = "ROSE_ASH_ADMIN_PASSWORD";

    private Contract() {
    }

    public static String publicUrl(String service) {
        return "ROSE_ASH_SERVICES_" + upper(service) + "_PUBLIC_URL";
    }

    public static String internalUrl(String service) {
        return "ROSE_ASH_SERVICES_" + upper(service) + "_INTERNAL_URL";
    }

    public static String clientSecret(String service) {
        return "ROSE_ASH_OAUTH_CLIENT_SECRET_" + upper(service);
    }

    private static String upper(String service) {
        return service.toUpperCase(Locale.ROOT);
    }
}
