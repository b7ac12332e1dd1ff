package com.roseash.images;

import java.util.List;

/**
 * A Java module shipped as an image: its Maven module, the in-repository sources its image is made from
 * (the revision label follows them), the ports it serves and what it is.
 */
record JavaApp(String name, String module, List<String> sources, List<Integer> ports, String description) {

    static final List<Integer> SERVICE_PORTS = List.of(8080, 8081, 9090);

    /** Every Java image, in the order they are built. {@code JavaRuntimeIT} holds the sources to the modules' dependencies. */
    static final List<JavaApp> ALL = List.of(
            service("blog", "posts, pages, tags and navigation"),
            service("federation", "users, single sign-on and ActivityPub"),
            service("account", "the member's dashboard"),
            new JavaApp("migrate", "services/migrate",
                    List.of("services/migrate", "services/platform", "services/blog/src/main/resources/db",
                            "services/federation/src/main/resources/db", "services/account/src/main/resources/db"),
                    List.of(), "The migrations Job of Rose Ash: every domain's Flyway migrations"),
            new JavaApp("operator", "operator", List.of("operator"), List.of(8081),
                    "The Rose Ash operator, and its render command"));

    private static JavaApp service(String name, String description) {
        return new JavaApp(name, "services/" + name, List.of("services/" + name, "services/platform"), SERVICE_PORTS,
                "The " + name + " service of Rose Ash: " + description);
    }
}
