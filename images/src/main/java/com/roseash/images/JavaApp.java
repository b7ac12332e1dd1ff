package com.roseash.images;

import java.util.ArrayList;
import java.util.List;

import com.roseash.contract.ServiceName;

/**
 * A Java module shipped as an image: its Maven module, the in-repository sources its image is made from
 * (the revision label follows them), the ports it serves and what it is.
 */
record JavaApp(String name, String module, List<String> sources, List<Integer> ports, String description) {

    static final List<Integer> SERVICE_PORTS = List.of(8080, 8081, 9090);

    /**
     * Every Java image, in the order they are built: one per landed service of the contract, then the
     * migrator (the landed services' SQL) and the operator. {@code JavaRuntimeIT} holds the sources to
     * the modules' dependencies.
     */
    static final List<JavaApp> ALL = all();

    private static List<JavaApp> all() {
        List<JavaApp> apps = new ArrayList<>();
        List<String> migrateSources = new ArrayList<>(List.of("services/migrate", "services/platform", "services/contract"));
        for (ServiceName service : ServiceName.landed()) {
            apps.add(new JavaApp(service.id(), "services/" + service.id(),
                    List.of("services/" + service.id(), "services/platform", "services/contract"), SERVICE_PORTS,
                    "The " + service.id() + " service of Rose Ash: " + service.description()));
            migrateSources.add("services/" + service.id() + "/src/main/resources/db");
        }
        apps.add(new JavaApp("migrate", "services/migrate", List.copyOf(migrateSources), List.of(),
                "The migrations Job of Rose Ash: every domain's Flyway migrations"));
        apps.add(new JavaApp("operator", "operator", List.of("operator", "services/contract"), List.of(8081),
                "The Rose Ash operator, and its render command"));
        return List.copyOf(apps);
    }
}
