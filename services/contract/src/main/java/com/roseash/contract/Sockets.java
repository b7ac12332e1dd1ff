package com.roseash.contract;

/**
 * The three sockets every service listens on (docs/platform.md, "Runtime contract"). The operator builds
 * Services, probes, NetworkPolicies and the Ingress from the same numbers.
 */
public final class Sockets {
    /** What ingress routes to. Helidon's default socket. */
    public static final String PUBLIC = "@default";
    /** Fragments and service-to-service calls; only the platform's own pods reach it. */
    public static final String INTERNAL = "internal";
    /** Health and metrics for probes and Prometheus. */
    public static final String ADMIN = "admin";

    public static final int PUBLIC_PORT = 8080;
    public static final int INTERNAL_PORT = 8081;
    public static final int ADMIN_PORT = 9090;

    public static final String LIVENESS_PATH = "/observe/health/live";
    public static final String READINESS_PATH = "/observe/health/ready";
    public static final String METRICS_PATH = "/observe/metrics";
    public static final String FRAGMENTS_PATH = "/internal/fragments";

    private Sockets() {
    }
}
