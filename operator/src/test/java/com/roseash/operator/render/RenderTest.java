package com.roseash.operator.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.roseash.operator.desired.DesiredState;
import com.roseash.operator.resource.ImageOverrideSpec;
import com.roseash.operator.resource.RoseAshPlatform;
import com.roseash.operator.testing.ControlPlane;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code render} on the sample platform: the manifests, checked field by field and by a real API server. */
class RenderTest {

    private static final Path SAMPLE = Path.of("../manifests/samples/coop/platform.yaml");

    @Test
    void rendersEveryEnabledServiceOnTheContract() throws IOException {
        List<HasMetadata> objects = DesiredState.of(sample());

        List<Deployment> deployments = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(d -> !d.getMetadata().getName().equals("coop-redis")).toList();
        assertThat(deployments).extracting(d -> d.getMetadata().getName())
                .containsExactly("coop-blog", "coop-cart", "coop-events", "coop-federation", "coop-account");
        Deployment blog = deployments.getFirst();
        assertThat(blog.getSpec().getReplicas()).isEqualTo(2);
        Container container = blog.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(container.getImage()).isEqualTo(
                "registry.coop.example/rose-ash/blog@sha256:5b0f0e6bc5f6a1b43b66b0bb2ac59ab3b1bd1e2e8c9e0e5bd4d6de4e5c2f1a7c");
        assertThat(deployments.get(1).getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                .isEqualTo("registry.coop.example/rose-ash/cart:0.1.0");
        assertThat(container.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort())
                .containsExactly("public:8080", "internal:8081", "admin:9090");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/observe/health/ready");
        assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("admin");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/observe/health/live");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getLifecycle().getPreStop().getSleep().getSeconds()).as("serves while it is withdrawn")
                .isEqualTo(5L);
        assertThat(blog.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getEnv()).extracting(EnvVar::getName)
                .contains("ROSE_ASH_DB_URL", "ROSE_ASH_SESSION_SECRET", "ROSE_ASH_OAUTH_CLIENT_SECRET_BLOG")
                .doesNotContain("ROSE_ASH_SIGNING_KEY", "ROSE_ASH_OAUTH_CLIENT_SECRET_CART", "ROSE_ASH_ADMIN_PASSWORD");
        assertThat(container.getEnvFrom()).extracting(e -> e.getConfigMapRef().getName()).containsExactly("coop-config");
        ConfigMap config = only(objects, ConfigMap.class);
        assertThat(config.getData())
                .containsEntry("ROSE_ASH_DOMAIN", "coop.example")
                .containsEntry("ROSE_ASH_ADMIN_EMAIL", "admin@coop.example")
                .containsEntry("ROSE_ASH_LOG_FORMAT", "json")
                .containsEntry("ROSE_ASH_REDIS_URL", "redis://coop-redis.rose-ash.svc:6379")
                .containsEntry("ROSE_ASH_SERVICES_FEDERATION_INTERNAL_URL", "http://coop-federation.rose-ash.svc:8081/")
                .containsEntry("ROSE_ASH_SERVICES_BLOG_PUBLIC_URL", "https://blog.coop.example/")
                .doesNotContainKey("ROSE_ASH_SERVICES_MARKET_INTERNAL_URL");
        assertThat(blog.getSpec().getTemplate().getMetadata().getAnnotations()).containsKey("rose-ash.com/config-digest");
        // Every variable of the environment, each read from a Secret (no secret value in plain text): the blog's
        // own client secret, and for federation every running client's (not market's), the signing key and the
        // first administrator's password.
        assertThat(container.getEnv()).extracting(RenderTest::source).containsExactly(
                "ROSE_ASH_DB_URL from secret coop-postgres/url",
                "ROSE_ASH_DB_USER from secret coop-postgres/user",
                "ROSE_ASH_DB_PASSWORD from secret coop-postgres/password",
                "ROSE_ASH_SESSION_SECRET from secret coop-secrets/session-secret",
                "ROSE_ASH_OAUTH_CLIENT_SECRET_BLOG from secret coop-secrets/client-secret-blog");
        assertThat(deployments).filteredOn(d -> d.getMetadata().getName().equals("coop-federation")).singleElement()
                .satisfies(d -> assertThat(d.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
                        .extracting(RenderTest::source).containsExactly(
                                "ROSE_ASH_DB_URL from secret coop-postgres/url",
                                "ROSE_ASH_DB_USER from secret coop-postgres/user",
                                "ROSE_ASH_DB_PASSWORD from secret coop-postgres/password",
                                "ROSE_ASH_SESSION_SECRET from secret coop-secrets/session-secret",
                                "ROSE_ASH_SIGNING_KEY from secret coop-secrets/signing-key",
                                "ROSE_ASH_ADMIN_PASSWORD from secret coop-secrets/admin-password (optional)",
                                "ROSE_ASH_OAUTH_CLIENT_SECRET_BLOG from secret coop-secrets/client-secret-blog",
                                "ROSE_ASH_OAUTH_CLIENT_SECRET_CART from secret coop-secrets/client-secret-cart",
                                "ROSE_ASH_OAUTH_CLIENT_SECRET_EVENTS from secret coop-secrets/client-secret-events",
                                "ROSE_ASH_OAUTH_CLIENT_SECRET_ACCOUNT from secret coop-secrets/client-secret-account"));

        Job migrations = only(objects, Job.class);
        assertThat(migrations.getMetadata().getName()).matches("coop-migrate-[0-9a-f]{10}");
        assertThat(migrations.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                .isEqualTo("registry.coop.example/rose-ash/migrate:0.1.0");
        assertThat(migrations.getSpec().getTemplate().getSpec().getInitContainers()).as("the migrator waits itself").isEmpty();
        StatefulSet postgres = only(objects, StatefulSet.class);
        assertThat(postgres.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                .as("this release's PostgreSQL of the resource's version")
                        .isEqualTo("registry.coop.example/rose-ash/postgres-17:0.1.0");
        assertThat(postgres.getSpec().getVolumeClaimTemplates().getFirst().getSpec().getResources().getRequests().get("storage"))
                .hasToString("20Gi");
        assertThat(postgres.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
                .as("the claim outlives the StatefulSet; it goes with the platform").isEqualTo("Retain");
        assertThat(objects).filteredOn(o -> o instanceof Deployment && o.getMetadata().getName().equals("coop-redis"))
                .singleElement().extracting(o -> ((Deployment) o).getSpec().getTemplate().getSpec().getContainers().getFirst()
                        .getImage())
                .isEqualTo("registry.coop.example/rose-ash/redis:0.1.0");
        assertThat(objects).as("no generated secret is rendered").noneMatch(Secret.class::isInstance);

        assertThat(objects).filteredOn(PodDisruptionBudget.class::isInstance)
                .extracting(o -> o.getMetadata().getName()).containsExactly("coop-blog");

        Ingress ingress = objects.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast).findFirst().orElseThrow();
        assertThat(ingress.getSpec().getRules()).extracting(r -> r.getHost())
                .containsExactly("blog.coop.example", "cart.coop.example", "events.coop.example",
                        "federation.coop.example", "account.coop.example", "coop.example");
        assertThat(ingress.getSpec().getRules()).allSatisfy(rule -> assertThat(
                rule.getHttp().getPaths().getFirst().getBackend().getService().getPort().getName()).isEqualTo("public"));
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
        assertThat(ingress.getSpec().getTls().getFirst().getSecretName()).isEqualTo("coop-tls");

        NetworkPolicy policy = objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
                .findFirst().orElseThrow();
        assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> {
            assertThat(rule.getPorts()).extracting(p -> p.getPort().getStrVal()).containsExactly("internal");
            assertThat(rule.getFrom().getFirst().getPodSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/instance", "coop");
        });
    }

    @Test
    void theRenderedManifestsAreAcceptedByARealApiServer() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Render.render(SAMPLE, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        String yaml = out.toString(StandardCharsets.UTF_8);
        assertThat(yaml.split("(?m)^---$").length - 1).as("documents").isGreaterThanOrEqualTo(12);

        try (KubernetesClient client = ControlPlane.shared().newClient()) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("rose-ash").endMetadata().build())
                    .createOr(existing -> existing.unlock().update());
            List<HasMetadata> objects = client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
            for (HasMetadata object : objects) {
                client.resource(object).dryRun().create();
            }
            assertThat(objects).hasSizeGreaterThanOrEqualTo(12);
        }
    }

    @Test
    void aFileThatIsNotAPlatformIsRefusedWithAReason() throws IOException {
        Path bad = Files.createTempFile("not-a-platform", ".yaml");
        Files.writeString(bad,
                "apiVersion: rose-ash.com/v1alpha1\nkind: RoseAshPlatform\nmetadata: {name: x}\nspec: {domain: a.example}\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Render.render(bad, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("spec.database");
    }

    @Test
    void aFileWithoutAFieldThePaymentsOrMailNeedIsRefusedNamingIt() {
        String platform = """
                apiVersion: rose-ash.com/v1alpha1
                kind: RoseAshPlatform
                metadata: {name: x}
                spec:
                  domain: a.example
                  database: {managed: {}}
                  redis: {managed: {}}
                """;
        for (String[] missing : new String[][] {
                {"payments: {sumup: {apiKeySecret: {name: sumup}}}", "spec.payments.sumup.merchantCode"},
                {"payments: {sumup: {merchantCode: MH4H92C7}}", "spec.payments.sumup.apiKeySecret.name"},
                {"mail: {port: 25}", "spec.mail.host"},
                {"mail: {host: smtp.a.example, credentialsSecret: {userKey: u}}", "spec.mail.credentialsSecret.name"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = Render.render("platform.yaml", platform + "  " + missing[0] + "\n",
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(exit).as(missing[0]).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("platform.yaml: " + missing[1] + " is required"
                    + System.lineSeparator());
        }
    }

    /** A variable of an environment and where its value comes from: written out, or read from a Secret's key. */
    private static String source(EnvVar env) {
        if (env.getValueFrom() == null) {
            return env.getName() + "=" + env.getValue();
        }
        SecretKeySelector secret = env.getValueFrom().getSecretKeyRef();
        if (secret == null) {
            return env.getName() + " from " + env.getValueFrom();
        }
        return env.getName() + " from secret " + secret.getName() + "/" + secret.getKey()
                + (Boolean.TRUE.equals(secret.getOptional()) ? " (optional)" : "");
    }

    private static <T> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> matching = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }

    @Test
    void changingOneServiceImageChangesOnlyThatDeploymentAndTheMigrationsJob() throws IOException {
        RoseAshPlatform before = sample();
        RoseAshPlatform after = sample();
        after.getSpec().images().overrides().put("cart", new ImageOverrideSpec("0.1.1", null));

        List<HasMetadata> a = DesiredState.of(before);
        List<HasMetadata> b = DesiredState.of(after);

        assertThat(a).hasSameSizeAs(b);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!Serialization.asYaml(a.get(i)).equals(Serialization.asYaml(b.get(i)))) {
                changed.add(a.get(i).getKind() + "/" + a.get(i).getMetadata().getName());
            }
        }
        assertThat(changed).hasSize(2).contains("Deployment/coop-cart").anyMatch(c -> c.startsWith("Job/coop-migrate-"));
    }

    private static RoseAshPlatform sample() throws IOException {
        return Serialization.unmarshal(Files.readString(SAMPLE), RoseAshPlatform.class);
    }
}
