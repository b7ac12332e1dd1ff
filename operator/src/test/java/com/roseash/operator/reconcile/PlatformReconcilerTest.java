package com.roseash.operator.reconcile;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.roseash.operator.resource.RoseAshPlatform;
import com.roseash.operator.runtime.RoseAshOperator;
import com.roseash.operator.testing.ControlPlane;
import com.roseash.operator.testing.OperatorUnderTest;
import com.roseash.operator.testing.Platforms;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconciler against a real control plane (kube-apiserver, controller-manager, scheduler, kwok
 * nodes): the operator runs in-process under its own ServiceAccount; the tests apply resources with the
 * Fabric8 client and wait on what a cluster admin would look at.
 */
class PlatformReconcilerTest {

    private final ControlPlane cluster = ControlPlane.shared();
    private KubernetesClient admin;
    private RoseAshOperator operator;
    private LogCapture logs;

    @BeforeEach
    void connect() {
        admin = cluster.newClient();
    }

    @AfterEach
    void stop() {
        if (logs != null) {
            logs.stop();
        }
        if (operator != null) {
            operator.close();
        }
        admin.close();
    }

    @Test
    void aManagedPlatformReconcilesToReadyWithGeneratedSecretsThatAreNeverRotated() throws Exception {
        logs = LogCapture.start();
        String namespace = cluster.newNamespace("full");
        OperatorUnderTest.createVolume(admin, "pv-" + namespace, "manual-" + namespace);
        operator = OperatorUnderTest.start(Duration.ofSeconds(2), namespace);
        // The cart's SumUp key and the SMTP password: Secrets of the admin's, which the platform names.
        String sumUpKey = "sup_sk_" + UUID.randomUUID().toString().replace("-", "");
        String smtpPassword = UUID.randomUUID().toString();
        admin.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("sumup").endMetadata()
                .withStringData(Map.of("api-key", sumUpKey)).build()).create();
        admin.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("smtp").endMetadata()
                .withStringData(Map.of("user", "shop@coop.example", "password", smtpPassword)).build()).create();

        admin.resource(OperatorUnderTest.platform("""
                apiVersion: rose-ash.com/v1alpha1
                kind: RoseAshPlatform
                metadata: {name: coop, namespace: %s}
                spec:
                  domain: coop.example
                  images: {registry: registry.test, tag: "1.0.0"}
                  services: {blog: {replicas: 2}, market: {enabled: false}}
                  database: {managed: {storageSize: 1Gi, storageClass: manual-%s}}
                  redis: {managed: {}}
                  ingress: {className: nginx, tls: {issuer: letsencrypt}}
                  payments: {sumup: {merchantCode: MH4H92C7, apiKeySecret: {name: sumup}}}
                  mail: {host: smtp.coop.example, credentialsSecret: {name: smtp}}
                """.formatted(namespace, namespace))).create();

        RoseAshPlatform ready = Platforms.awaitReady(admin, namespace, "coop");

        assertThat(ready.getStatus().readyServices()).isEqualTo("5/5");
        assertThat(ready.getStatus().urls()).containsEntry("blog", "https://blog.coop.example/").doesNotContainKey("market");
        assertThat(ready.getStatus().services().get("blog").readyReplicas()).isEqualTo(2);
        assertThat(ready.getStatus().services().get("cart").image()).isEqualTo("registry.test/rose-ash/cart:1.0.0");
        assertThat(Platforms.condition(ready, "MigrationsComplete").getStatus()).isEqualTo("True");
        assertThat(Platforms.condition(ready, "Degraded").getStatus()).isEqualTo("False");
        assertThat(Platforms.condition(ready, "Progressing").getStatus()).isEqualTo("False");
        assertThat(ready.getStatus().conditions()).allSatisfy(c -> {
            assertThat(c.getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
            assertThat(c.getLastTransitionTime()).isNotBlank();
            assertThat(c.getReason()).matches("[A-Z][A-Za-z]+");
        });

        assertThat(admin.apps().deployments().inNamespace(namespace).list().getItems()).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("coop-blog", "coop-cart", "coop-events", "coop-federation", "coop-account",
                        "coop-redis");
        assertThat(admin.apps().statefulSets().inNamespace(namespace).withName("coop-postgres").get().getStatus()
                .getReadyReplicas())
                .isEqualTo(1);
        assertThat(admin.persistentVolumeClaims().inNamespace(namespace).withName("data-coop-postgres-0").get().getStatus()
                .getPhase())
                .isEqualTo("Bound");
        assertThat(admin.policy().v1().podDisruptionBudget().inNamespace(namespace).list().getItems())
                .extracting(p -> p.getMetadata().getName()).containsExactly("coop-blog");
        assertThat(admin.network().v1().ingresses().inNamespace(namespace).withName("coop").get().getSpec().getRules())
                .extracting(r -> r.getHost()).containsExactly("blog.coop.example", "cart.coop.example", "events.coop.example",
                        "federation.coop.example", "account.coop.example", "coop.example");
        assertThat(admin.network().v1().networkPolicies().inNamespace(namespace).withName("coop-services").get()).isNotNull();
        assertThat(admin.apps().deployments().inNamespace(namespace).withName("coop-cart").get().getMetadata()
                .getOwnerReferences())
                .extracting(o -> o.getKind() + "/" + o.getName()).containsExactly("RoseAshPlatform/coop");

        Secret secrets = admin.secrets().inNamespace(namespace).withName("coop-secrets").get();
        assertThat(secrets.getData()).containsKeys("session-secret", "signing-key", "client-secret-blog", "client-secret-market",
                "client-secret-account");
        assertThat(decode(secrets, "signing-key")).startsWith("{\"keys\":[{\"kty\":\"RSA\"");
        String password = decode(admin.secrets().inNamespace(namespace).withName("coop-postgres").get(), "password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(40);
        Map<String, String> secretValues = secretValues(secrets, password);
        secretValues.put("SumUp API key", sumUpKey);
        secretValues.put("SMTP password", smtpPassword);
        assertThat(leaks(secretValues, "the status", Serialization.asJson(ready.getStatus())))
                .as("no secret value in the status").isEmpty();

        // The cart alone reads the SumUp key, by reference; every service reads the SMTP credentials so.
        List<Deployment> deployments = admin.apps().deployments().inNamespace(namespace).withLabel("app.kubernetes.io/managed-by")
                .list().getItems();
        Map<String, Map<String, String>> environments = deployments.stream().collect(Collectors.toMap(
                d -> d.getMetadata().getName(), PlatformReconcilerTest::environment));
        assertThat(environments.get("coop-cart"))
                .containsEntry("ROSE_ASH_SUMUP_API_KEY", "secret sumup/api-key")
                .containsEntry("ROSE_ASH_SUMUP_MERCHANT_CODE", "MH4H92C7")
                .containsEntry("ROSE_ASH_SUMUP_API_URL", "https://api.sumup.com");
        assertThat(environments).allSatisfy((name, env) -> {
            if (!name.equals("coop-redis")) {
                assertThat(env).as(name).containsEntry("ROSE_ASH_MAIL_PASSWORD", "secret smtp/password");
            }
            if (!name.equals("coop-cart")) {
                assertThat(env.keySet()).as(name).noneMatch(key -> key.startsWith("ROSE_ASH_SUMUP_"));
            }
        });
        assertThat(admin.configMaps().inNamespace(namespace).withName("coop-config").get().getData())
                .containsEntry("ROSE_ASH_MAIL_HOST", "smtp.coop.example").doesNotContainKey("ROSE_ASH_MAIL_PASSWORD");
        assertThat(leaks(secretValues, "the ConfigMaps",
                Serialization.asJson(admin.configMaps().inNamespace(namespace).list().getItems())))
                .as("no secret value in any ConfigMap").isEmpty();
        assertThat(leaks(secretValues, "the Deployments", Serialization.asJson(deployments)))
                .as("secrets only by reference in the pod templates").isEmpty();

        Process get = new ProcessBuilder(cluster.kubectl().toString(), "--kubeconfig", cluster.kubeconfig().toString(),
                "get", "rap", "-n", namespace, "-o", "wide").redirectErrorStream(true).start();
        assertThat(get.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> table = new String(get.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        List<String> header = List.of(table.getFirst().split("\\s+"));
        List<String> row = List.of(table.get(1).split("\\s+"));
        assertThat(header).containsExactlyInAnyOrder("NAME", "AGE", "DOMAIN", "READY", "SERVICES", "REASON");
        assertThat(Map.of("NAME", "coop", "DOMAIN", "coop.example", "READY", "True", "SERVICES", "5/5",
                "REASON", "AllServicesReady"))
                .allSatisfy((column, value) -> assertThat(row.get(header.indexOf(column))).isEqualTo(value));

        Process wait = new ProcessBuilder(cluster.kubectl().toString(), "--kubeconfig", cluster.kubeconfig().toString(),
                "wait", "--for=condition=Ready", "rap/coop", "-n", namespace, "--timeout=30s").redirectErrorStream(true).start();
        assertThat(wait.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(wait.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("condition met");
        assertThat(wait.exitValue()).isZero();

        // A spec change reconciles everything again; the generated keys stay the same.
        patchSpec(namespace, "coop", "{\"services\": {\"cart\": {\"replicas\": 2}}}");
        RoseAshPlatform scaled = Platforms.awaitStatus(admin, namespace, "coop", Duration.ofMinutes(2),
                p -> Platforms.isTrue(p, "Ready") && p.getStatus().services().get("cart").readyReplicas() == 2);
        assertThat(scaled.getMetadata().getGeneration()).isGreaterThan(ready.getMetadata().getGeneration());
        assertThat(admin.secrets().inNamespace(namespace).withName("coop-secrets").get().getData()).isEqualTo(secrets.getData());
        assertThat(decode(admin.secrets().inNamespace(namespace).withName("coop-postgres").get(), "password"))
                .isEqualTo(password);

        // The whole scenario, the spec change included, logged at every level: nothing secret in any form.
        String logged = logs.stop();
        assertThat(logged).as("the operator logged while it worked").isNotEmpty();
        assertThat(logs.belowInfo()).as("DEBUG and TRACE records reached the capture").isPositive();
        assertThat(leaks(secretValues, "the log", logged)).as("no secret value in the operator's log").isEmpty();
        assertThat(leaks(secretValues, "the status", Serialization.asJson(scaled.getStatus())))
                .as("no secret value in the status after the spec change").isEmpty();
        assertThat(leaks(secretValues, "the events",
                Serialization.asJson(admin.v1().events().inNamespace(namespace).list().getItems())))
                .as("no secret value in the namespace's events").isEmpty();
    }

    @Test
    void aResyncWithNothingToChangeWritesNothing() {
        String namespace = cluster.newNamespace("quiet");
        operator = OperatorUnderTest.start(Duration.ofSeconds(1), namespace);
        admin.resource(Platforms.external(admin, namespace, "quiet", "")).create();
        Platforms.awaitReady(admin, namespace, "quiet");
        // Let the last events after Ready (pods settling) be handled, then count.
        long settled = operator.statistics().reconciles() + 2;
        await().atMost(Duration.ofSeconds(30)).until(() -> operator.statistics().reconciles() >= settled);
        long writes = operator.writes();
        long reconciles = operator.statistics().reconciles();

        await().atMost(Duration.ofSeconds(30)).until(() -> operator.statistics().reconciles() >= reconciles + 5);

        assertThat(operator.writes()).as("writes during %d no-op resyncs", operator.statistics().reconciles() - reconciles)
                .isEqualTo(writes);
    }

    @Test
    void aFailedMigrationLeavesTheRunningDeploymentsUntouchedAndSaysWhy() {
        String namespace = cluster.newNamespace("failing");
        operator = OperatorUnderTest.start(Duration.ofSeconds(10), namespace);
        admin.resource(Platforms.external(admin, namespace, "coop", "")).create();
        Platforms.awaitReady(admin, namespace, "coop");
        Map<String, Long> generations = generations(namespace);
        String firstJob = Platforms.get(admin, namespace, "coop").getStatus().migrationsJob();

        // A new version of blog whose migrations fail.
        patchSpec(namespace, "coop",
                "{\"images\": {\"overrides\": {\"migrate\": {\"tag\": \"fail-on-kwok\"}, \"blog\": {\"tag\": \"2.0.0\"}}}}");
        RoseAshPlatform degraded = Platforms.awaitStatus(admin, namespace, "coop", Duration.ofMinutes(2),
                p -> Platforms.isTrue(p, "Degraded"));

        assertThat(Platforms.condition(degraded, "Degraded").getReason()).isEqualTo("MigrationsFailed");
        assertThat(Platforms.condition(degraded, "Degraded").getMessage())
                .contains(degraded.getStatus().migrationsJob()).contains("BackoffLimitExceeded");
        assertThat(Platforms.condition(degraded, "Ready").getStatus()).isEqualTo("False");
        assertThat(Platforms.condition(degraded, "MigrationsComplete").getReason()).isEqualTo("Failed");
        assertThat(degraded.getStatus().migrationsJob()).isNotEqualTo(firstJob);
        assertThat(generations(namespace)).as("no Deployment was changed").isEqualTo(generations);
        assertThat(degraded.getStatus().services().get("blog").image()).isEqualTo("registry.test/rose-ash/blog:1.0.0");
        assertThat(admin.batch().v1().jobs().inNamespace(namespace).withName(firstJob).get())
                .as("the last good version's Job is kept while the new one failed").isNotNull();

        // Fixing the migration lets the rollout through.
        patchSpec(namespace, "coop", "{\"images\": {\"overrides\": {\"migrate\": {\"tag\": \"2.0.0\"}}}}");
        RoseAshPlatform fixed = Platforms.awaitReady(admin, namespace, "coop");
        assertThat(fixed.getStatus().services().get("blog").image()).isEqualTo("registry.test/rose-ash/blog:2.0.0");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.batch().v1().jobs().inNamespace(namespace)
                .list().getItems()).extracting(j -> j.getMetadata().getName())
                        .containsExactly(fixed.getStatus().migrationsJob()));
    }

    @Test
    void changingOneServiceImageRollsOnlyThatService() {
        String namespace = cluster.newNamespace("roll");
        operator = OperatorUnderTest.start(Duration.ofSeconds(10), namespace);
        admin.resource(Platforms.external(admin, namespace, "coop", "")).create();
        Platforms.awaitReady(admin, namespace, "coop");
        Map<String, Long> before = generations(namespace);

        patchSpec(namespace, "coop", "{\"images\": {\"overrides\": {\"cart\": {\"digest\": \"sha256:" + "c".repeat(64)
                + "\"}}}}");
        RoseAshPlatform rolled = Platforms.awaitStatus(admin, namespace, "coop", Duration.ofMinutes(2),
                p -> Platforms.isTrue(p, "Ready"));

        assertThat(rolled.getStatus().services().get("cart").image()).isEqualTo("registry.test/rose-ash/cart@sha256:"
                + "c".repeat(64));
        Map<String, Long> after = generations(namespace);
        assertThat(after.get("coop-cart")).isGreaterThan(before.get("coop-cart"));
        after.remove("coop-cart");
        before.remove("coop-cart");
        assertThat(after).as("the other five keep their generation").isEqualTo(before).hasSize(5);
    }

    @Test
    void childrenDeletedOrEditedByHandAreRestoredByWatchNotResync() {
        String namespace = cluster.newNamespace("drift");
        // A resync far beyond the test's waits: whatever is repaired, a watch event repaired it.
        operator = OperatorUnderTest.start(Duration.ofHours(1), namespace);
        admin.resource(Platforms.external(admin, namespace, "coop", "")).create();
        Platforms.awaitReady(admin, namespace, "coop");
        String blogUid = admin.apps().deployments().inNamespace(namespace).withName("coop-blog").get().getMetadata().getUid();

        admin.apps().deployments().inNamespace(namespace).withName("coop-blog").delete();
        admin.apps().deployments().inNamespace(namespace).withName("coop-cart").edit(d -> {
            d.getSpec().setReplicas(3);
            return d;
        });
        admin.configMaps().inNamespace(namespace).withName("coop-config").edit(c -> {
            c.getData().put("ROSE_ASH_DOMAIN", "evil.example");
            return c;
        });
        admin.services().inNamespace(namespace).withName("coop-events").delete();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Deployment blog = admin.apps().deployments().inNamespace(namespace).withName("coop-blog").get();
            assertThat(blog).isNotNull();
            assertThat(blog.getMetadata().getUid()).isNotEqualTo(blogUid);
            assertThat(admin.apps().deployments().inNamespace(namespace).withName("coop-cart").get().getSpec().getReplicas())
                    .isEqualTo(1);
            ConfigMap config = admin.configMaps().inNamespace(namespace).withName("coop-config").get();
            assertThat(config.getData()).containsEntry("ROSE_ASH_DOMAIN", "coop.example");
            assertThat(admin.services().inNamespace(namespace).withName("coop-events").get()).isNotNull();
        });
        Platforms.awaitReady(admin, namespace, "coop");
    }

    @Test
    void theDatabaseClaimOutlivesAMoveToAnExternalDatabaseAndGoesWithThePlatformUnlessKept() {
        String namespace = cluster.newNamespace("delete");
        List<String> names = List.of("gone", "kept", "moved");
        for (String name : names) {
            OperatorUnderTest.createVolume(admin, "pv-" + name + "-" + namespace, name + "-" + namespace);
        }
        operator = OperatorUnderTest.start(Duration.ofSeconds(10), namespace);
        Platforms.external(admin, namespace, "unused", "");
        for (String name : names) {
            admin.resource(OperatorUnderTest.platform("""
                    apiVersion: rose-ash.com/v1alpha1
                    kind: RoseAshPlatform
                    metadata: {name: %s, namespace: %s}
                    spec:
                      domain: %s.example
                      images: {registry: registry.test}
                      database: {managed: {storageSize: 1Gi, storageClass: %s-%s}}
                      redis: {managed: {}}
                      keepVolumes: %s
                    """.formatted(name, namespace, name, name, namespace, name.equals("kept")))).create();
        }
        for (String name : names) {
            Platforms.awaitReady(admin, namespace, name);
        }

        // Moving to an external database removes the managed one, but not its data; the new database is
        // migrated before the services use it.
        String managedJob = Platforms.get(admin, namespace, "moved").getStatus().migrationsJob();
        admin.resources(RoseAshPlatform.class).inNamespace(namespace).withName("moved")
                .patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\": {\"database\": {\"managed\": null, \"external\": {\"name\": \"db\"}}}}");
        assertThat(Platforms.awaitReady(admin, namespace, "moved").getStatus().migrationsJob()).isNotEqualTo(managedJob);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(admin.apps().statefulSets().inNamespace(namespace).withName("moved-postgres").get()).isNull());
        assertThat(admin.persistentVolumeClaims().inNamespace(namespace).withName("data-moved-postgres-0").get()).isNotNull();

        for (String name : names) {
            admin.resources(RoseAshPlatform.class).inNamespace(namespace).withName(name).delete();
        }
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            assertThat(admin.apps().deployments().inNamespace(namespace).list().getItems()).isEmpty();
            assertThat(admin.apps().statefulSets().inNamespace(namespace).list().getItems()).isEmpty();
            assertThat(admin.batch().v1().jobs().inNamespace(namespace).list().getItems()).isEmpty();
            assertThat(admin.services().inNamespace(namespace).list().getItems()).isEmpty();
            assertThat(admin.configMaps().inNamespace(namespace).withLabel("app.kubernetes.io/managed-by").list().getItems())
                    .isEmpty();
            assertThat(admin.secrets().inNamespace(namespace).withLabel("app.kubernetes.io/managed-by").list().getItems())
                    .isEmpty();
            assertThat(admin.network().v1().ingresses().inNamespace(namespace).list().getItems()).isEmpty();
            assertThat(admin.persistentVolumeClaims().inNamespace(namespace).list().getItems())
                    .extracting(c -> c.getMetadata().getName()).containsExactly("data-kept-postgres-0");
        });
    }

    @Test
    void aChildTheApiServerRefusesMakesThePlatformDegradedWithTheReasonUntilFixed() {
        String namespace = cluster.newNamespace("refused");
        operator = OperatorUnderTest.start(Duration.ofSeconds(10), namespace);
        // A cpu request above its limit: the schema lets it through, the API server refuses the Deployment.
        admin.resource(Platforms.external(admin, namespace, "coop",
                "services: {cart: {resources: {requests: {cpu: \"2\"}, limits: {cpu: \"1\"}}}}")).create();

        RoseAshPlatform degraded = Platforms.awaitStatus(admin, namespace, "coop", Duration.ofMinutes(1),
                p -> Platforms.isTrue(p, "Degraded"));

        assertThat(Platforms.condition(degraded, "Degraded").getReason()).isEqualTo("ReconcileFailed");
        assertThat(Platforms.condition(degraded, "Degraded").getMessage())
                .startsWith("deployments: ").contains("coop-cart").contains("must be less than or equal to cpu limit")
                .doesNotContain("\tat ");
        assertThat(admin.network().v1().ingresses().inNamespace(namespace).withName("coop").get())
                .as("the rest of the workflow is applied").isNotNull();

        patchSpec(namespace, "coop", "{\"services\": {\"cart\": {\"resources\": null}}}");
        RoseAshPlatform fixed = Platforms.awaitReady(admin, namespace, "coop");
        assertThat(Platforms.condition(fixed, "Degraded").getStatus()).isEqualTo("False");
    }

    /**
     * The real scheduler finds no node for cart's pods. Nothing changes on cart's Deployment once its pod is
     * marked unschedulable, and the resync is an hour away: the operator's recheck of a platform that is not
     * ready lists cart's pods (under its own Role) and reports why. (kwok pulls no image, so an image that
     * cannot be pulled is not something this cluster can show; StatusReportTest covers that reason.)
     */
    @Test
    void aServiceWhosePodsNoNodeCanTakeIsReportedWithTheSchedulersReason() {
        String namespace = cluster.newNamespace("unschedulable");
        operator = OperatorUnderTest.start(Duration.ofHours(1), namespace);
        // The kwok node offers 1000 CPUs.
        admin.resource(Platforms.external(admin, namespace, "coop",
                "services: {cart: {resources: {requests: {cpu: \"5000\", memory: 256Mi}, limits: {memory: 512Mi}}}}")).create();

        // The other five become ready meanwhile; cart stays as it is.
        RoseAshPlatform stuck = Platforms.awaitStatus(admin, namespace, "coop", Duration.ofMinutes(2),
                p -> "5/6".equals(p.getStatus().readyServices()) && Platforms.condition(p, "Ready") != null
                        && "Unschedulable".equals(Platforms.condition(p, "Ready").getReason()));

        assertThat(Platforms.condition(stuck, "Ready").getStatus()).isEqualTo("False");
        assertThat(Platforms.condition(stuck, "Ready").getMessage())
                .startsWith("cart: pod cannot be scheduled: 0/1 nodes are available: 1 Insufficient cpu");
        assertThat(stuck.getStatus().services().get("cart").reason()).isEqualTo("Unschedulable");
        assertThat(stuck.getStatus().services().get("blog").reason()).isNull();
        assertThat(Platforms.condition(stuck, "Degraded").getStatus()).as("a node may yet come").isEqualTo("False");

        patchSpec(namespace, "coop", "{\"services\": {\"cart\": {\"resources\": null}}}");
        RoseAshPlatform fixed = Platforms.awaitReady(admin, namespace, "coop");
        assertThat(fixed.getStatus().services().get("cart").reason()).isNull();
    }

    @Test
    void aServiceTurnedOffOrScaledDownLosesWhatItNoLongerNeeds() {
        String namespace = cluster.newNamespace("off");
        operator = OperatorUnderTest.start(Duration.ofSeconds(10), namespace);
        admin.resource(Platforms.external(admin, namespace, "coop", "services: {events: {replicas: 2}}")).create();
        Platforms.awaitReady(admin, namespace, "coop");
        assertThat(admin.policy().v1().podDisruptionBudget().inNamespace(namespace).withName("coop-events").get()).isNotNull();

        patchSpec(namespace, "coop", "{\"services\": {\"events\": {\"replicas\": 1}, \"market\": {\"enabled\": false}}}");
        RoseAshPlatform after = Platforms.awaitReady(admin, namespace, "coop");

        assertThat(after.getStatus().readyServices()).isEqualTo("5/5");
        assertThat(after.getStatus().urls()).doesNotContainKey("market");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(admin.apps().deployments().inNamespace(namespace).withName("coop-market").get()).isNull();
            assertThat(admin.services().inNamespace(namespace).withName("coop-market").get()).isNull();
            assertThat(admin.policy().v1().podDisruptionBudget().inNamespace(namespace).withName("coop-events").get()).isNull();
        });
        assertThat(admin.network().v1().ingresses().inNamespace(namespace).withName("coop").get().getSpec().getRules())
                .extracting(r -> r.getHost()).doesNotContain("market.coop.example");
        assertThat(admin.configMaps().inNamespace(namespace).withName("coop-config").get().getData())
                .doesNotContainKey("ROSE_ASH_SERVICES_MARKET_INTERNAL_URL");
    }

    private void patchSpec(String namespace, String name, String specJson) {
        admin.resources(RoseAshPlatform.class).inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\": " + specJson + "}");
    }

    private Map<String, Long> generations(String namespace) {
        return admin.apps().deployments().inNamespace(namespace).list().getItems()
                .stream().filter(d -> !d.getMetadata().getName().endsWith("-redis"))
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d.getMetadata().getGeneration(), (a, b) -> a,
                        TreeMap::new));
    }

    /**
     * Every secret value, by name: each key of the generated Secret, the private members of the signing key
     * (a leak of one is a leak of the key), and the database password.
     */
    private static Map<String, String> secretValues(Secret secrets, String password) throws ParseException {
        Map<String, String> values = new LinkedHashMap<>();
        new TreeMap<>(secrets.getData()).keySet().forEach(key -> values.put(key, decode(secrets, key)));
        RSAKey signingKey = (RSAKey) JWKSet.parse(decode(secrets, "signing-key")).getKeys().getFirst();
        values.put("signing key's d", signingKey.getPrivateExponent().toString());
        values.put("signing key's p", signingKey.getFirstPrimeFactor().toString());
        values.put("signing key's q", signingKey.getSecondPrimeFactor().toString());
        values.put("signing key's dp", signingKey.getFirstFactorCRTExponent().toString());
        values.put("signing key's dq", signingKey.getSecondFactorCRTExponent().toString());
        values.put("signing key's qi", signingKey.getFirstCRTCoefficient().toString());
        values.put("database password", password);
        return values;
    }

    /**
     * Which secret values {@code text} holds, in any form one could be written in: as is, base64-encoded (as
     * a Secret's data holds it), JSON-escaped (in a serialised resource or a JSON log line), and JSON-escaped
     * twice (JSON inside a JSON string). Named, without the value, so that a failure does not print it.
     */
    private static List<String> leaks(Map<String, String> secretValues, String where, String text) {
        List<String> found = new ArrayList<>();
        secretValues.forEach((name, value) -> {
            // By what is written, so that a form the same as another (a token has nothing to escape) counts once.
            Map<String, String> forms = new LinkedHashMap<>();
            forms.putIfAbsent(value, "raw");
            forms.putIfAbsent(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)), "base64");
            forms.putIfAbsent(jsonEscaped(value), "JSON-escaped");
            forms.putIfAbsent(jsonEscaped(jsonEscaped(value)), "JSON-escaped twice");
            forms.forEach((written, form) -> {
                if (text.contains(written)) {
                    found.add(name + " (" + form + ") in " + where);
                }
            });
        });
        return found;
    }

    private static String jsonEscaped(String value) {
        String json = Serialization.asJson(value);
        return json.substring(1, json.length() - 1);
    }

    /** A Deployment's first container's variables: a value, or {@code secret <name>/<key>} for a reference. */
    private static Map<String, String> environment(Deployment deployment) {
        Map<String, String> env = new LinkedHashMap<>();
        deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().forEach(e -> env.put(e.getName(),
                e.getValueFrom() == null ? e.getValue() : e.getValueFrom().getSecretKeyRef() == null ? "not a secret"
                        : "secret " + e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef()
                                .getKey()));
        return env;
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

}
