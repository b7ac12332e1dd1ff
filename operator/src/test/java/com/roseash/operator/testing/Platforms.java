package com.roseash.operator.testing;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import static org.awaitility.Awaitility.await;

/** Platform resources for the reconciler's tests, and waiting on their status. */
public final class Platforms {

    private Platforms() {
    }

    /** A platform on external PostgreSQL and Redis (Secrets this creates), images from registry.test. */
    public static RoseAshPlatform external(KubernetesClient admin, String namespace, String name, String extraSpec) {
        admin.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("db").endMetadata()
                .withStringData(Map.of("url", "jdbc:postgresql://db.example:5432/roseash", "user", "roseash", "password", "pw"))
                .build()).createOr(existing -> existing.unlock().update());
        admin.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("redis").endMetadata()
                .withStringData(Map.of("url", "redis://redis.example:6379")).build())
                        .createOr(existing -> existing.unlock().update());
        return OperatorUnderTest.platform("""
                apiVersion: rose-ash.com/v1alpha1
                kind: RoseAshPlatform
                metadata: {name: %s, namespace: %s}
                spec:
                  domain: %s.example
                  images: {registry: registry.test, tag: "1.0.0"}
                  database: {external: {name: db}}
                  redis: {external: {name: redis}}
                %s""".formatted(name, namespace, name, extraSpec.indent(2)));
    }

    public static RoseAshPlatform get(KubernetesClient client, String namespace, String name) {
        return client.resources(RoseAshPlatform.class).inNamespace(namespace).withName(name).get();
    }

    public static Condition condition(RoseAshPlatform platform, String type) {
        if (platform == null || platform.getStatus() == null || platform.getStatus().conditions() == null) {
            return null;
        }
        return platform.getStatus().conditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    /** Waits until the platform's status describes its current generation and the test holds. */
    public static RoseAshPlatform awaitStatus(KubernetesClient client, String namespace, String name, Duration timeout,
                                       Predicate<RoseAshPlatform> test) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> get(client, namespace, name),
                p -> p != null && p.getStatus() != null
                        && p.getMetadata().getGeneration().equals(p.getStatus().observedGeneration()) && test.test(p));
    }

    public static RoseAshPlatform awaitReady(KubernetesClient client, String namespace, String name) {
        return awaitStatus(client, namespace, name, Duration.ofMinutes(3), p -> isTrue(p, "Ready"));
    }

    public static boolean isTrue(RoseAshPlatform platform, String type) {
        Condition condition = condition(platform, type);
        return condition != null && "True".equals(condition.getStatus());
    }
}
