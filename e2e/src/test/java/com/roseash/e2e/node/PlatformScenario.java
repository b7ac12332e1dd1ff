package com.roseash.e2e.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.roseash.contract.ServiceName;
import com.roseash.e2e.Chromium;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform on a Kubernetes cluster whose pods really run this build's images: the operator
 * installed with the Helm chart runs in a pod, a RoseAshPlatform with managed PostgreSQL and Redis becomes
 * Ready, Chromium uses it through the cluster's ingress controller, and then it is changed and broken the
 * ways a cluster admin would. The steps run in order on one platform. {@link NodeIT} runs it on the real
 * node of e2e/node, {@link K3sIT} on K3s where a Docker engine exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class PlatformScenario {

    private static final Path REPOSITORY = Path.of(System.getProperty("rose-ash.repository"));
    private static final Path IMAGES = REPOSITORY.resolve("images/target/oci");
    private static final String NAMESPACE = "coop";
    /** The services the contract calls landed: each has an image, and the platform runs it. */
    private static final List<String> SERVICES = ServiceName.landed().stream().map(ServiceName::id).toList();
    private static final List<String> LOADED = Stream.concat(SERVICES.stream(),
            Stream.of("migrate", "operator", "postgres-17", "redis")).toList();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestCluster node;
    private Path work;
    private Path certificate;
    private Map<String, String> digests;
    private final Map<String, Long> timings = new LinkedHashMap<>();

    /** The cluster, up, with kubectl and helm against it. */
    protected abstract TestCluster startCluster(Path repository, Path work);

    @BeforeAll
    void bringUp() throws Exception {
        work = Files.createTempDirectory("rose-ash-node-it");
        digests = new TreeMap<>();
        for (String line : Files.readAllLines(IMAGES.resolve("digests.txt"))) {
            String[] parts = line.split(" ");
            digests.put(parts[0], parts[1]);
        }
        long started = System.nanoTime();
        node = startCluster(REPOSITORY, work);
        // The platform's host names resolve to the cluster's ingress, here as in the browser.
        System.setProperty(CoopNames.INGRESS_PROPERTY, node.ingressAddress());
        timings.put("cluster up (control plane, node, DNS, ingress)", elapsed(started));

        started = System.nanoTime();
        node.load(LOADED.stream().map(name -> IMAGES.resolve(name + ".tar")).toList());
        timings.put("this build's images loaded", elapsed(started));

        started = System.nanoTime();
        node.helm("install", "operator", REPOSITORY.resolve("helm/rose-ash-operator").toString(), "--namespace",
                "rose-ash-system",
                "--create-namespace", "-f", IMAGES.resolve("helm-values.yaml").toString(), "--wait", "--timeout", "5m");
        timings.put("operator installed with Helm, two replicas ready", elapsed(started));

        certificate = work.resolve("tls.crt");
        Tools.run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-days", "2", "-subj", "/CN=coop.test", "-addext", "subjectAltName=DNS:coop.test,DNS:*.coop.test",
                "-keyout", work.resolve("tls.key").toString(), "-out", certificate.toString()), null, Duration.ofMinutes(1));
        node.kubectl("create", "namespace", NAMESPACE);
        node.kubectl("-n", NAMESPACE, "create", "secret", "tls", "coop-tls", "--cert", certificate.toString(),
                "--key", work.resolve("tls.key").toString());
        String storageClass = node.storageClassFor("1Gi");

        started = System.nanoTime();
        node.kubectlWithInput("""
                apiVersion: rose-ash.com/v1alpha1
                kind: RoseAshPlatform
                metadata: {name: coop, namespace: coop}
                spec:
                  domain: coop.test
                  images: {registry: ghcr.io, tag: 0.1.0-SNAPSHOT}
                  services: {%s}
                  database:
                    managed: {storageSize: 1Gi, storageClass: %s}
                  redis:
                    managed: {}
                  ingress:
                    className: %s
                    tls: {secretName: coop-tls}
                """.formatted(comingServicesDisabled(), storageClass, node.ingressClass()), "apply", "-f", "-");
        // Every image pinned by this build's digest, as images/target/oci/platform-images.yaml says.
        node.kubectl("-n", NAMESPACE, "patch", "rap", "coop", "--type", "merge", "--patch-file",
                IMAGES.resolve("platform-images.yaml").toString());
        timings.put("platform applied", elapsed(started));
    }

    @AfterAll
    void tearDown() throws IOException {
        timings.forEach((what, seconds) -> System.out.printf("e2e %s: %-60s %4d s%n", getClass().getSimpleName(), what, seconds));
        if (node != null) {
            node.close();
        }
        Tools.run(List.of("rm", "-rf", work.toString()), null, Duration.ofMinutes(1));
    }

    @Test
    @Order(1)
    void kubectlWaitSeesThePlatformReadyOnThisBuildsImages() throws Exception {
        long started = System.nanoTime();
        node.kubectl("-n", NAMESPACE, "wait", "--for=condition=Ready", "rap/coop", "--timeout=10m");
        timings.put("platform Ready (kubectl wait) after apply", elapsed(started));

        JsonNode platform = json(node.kubectl("-n", NAMESPACE, "get", "rap", "coop", "-o", "json"));
        assertThat(condition(platform, "MigrationsComplete")).isEqualTo("True");
        assertThat(condition(platform, "Degraded")).isEqualTo("False");
        assertThat(platform.path("status").path("readyServices").asText()).isEqualTo(SERVICES.size() + "/" + SERVICES.size());
        for (String service : SERVICES) {
            assertThat(platform.path("status").path("services").path(service).path("image").asText()).as(service)
                    .isEqualTo("ghcr.io/rose-ash/" + service + "@" + digests.get(service));
        }
        // Every container of the platform runs this build's image, by digest, as a non-root user.
        JsonNode pods = json(node.kubectl("-n", NAMESPACE, "get", "pods", "-o", "json"));
        for (JsonNode pod : pods.path("items")) {
            if (!"Running".equals(pod.path("status").path("phase").asText())) {
                continue;
            }
            assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
            for (JsonNode container : pod.path("spec").path("containers")) {
                String image = container.path("image").asText();
                String name = image.substring("ghcr.io/rose-ash/".length(), image.indexOf('@'));
                assertThat(image).isEqualTo("ghcr.io/rose-ash/" + name + "@" + digests.get(name));
                assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).as(image).isTrue();
            }
        }
        JsonNode operators = json(node.kubectl("-n", "rose-ash-system", "get", "pods", "-o", "json"));
        assertThat(operators.path("items")).hasSize(2);
        List<String> operatorPods = new ArrayList<>();
        operators.path("items").forEach(pod -> operatorPods.add(pod.path("metadata").path("name").asText()));
        String leader = node.kubectl("-n", "rose-ash-system", "get", "lease", "rose-ash-operator", "-o",
                "jsonpath={.spec.holderIdentity}");
        assertThat(operatorPods).as("one of the two leads").contains(leader);
    }

    @Test
    @Order(2)
    void aBrowserSignsInThroughFederationPublishesAndNavigatesBoosted() {
        String adminPassword = new String(Base64.getDecoder().decode(node.kubectl("-n", NAMESPACE, "get", "secret",
                "coop-secrets", "-o", "jsonpath={.data.admin-password}").strip()), StandardCharsets.UTF_8);
        try (Chromium chromium = new Chromium(List.of("--host-resolver-rules=MAP coop.test " + node.ingressAddress()
                + ",MAP *.coop.test " + node.ingressAddress()))) {
            BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions()
                    .setIgnoreHTTPSErrors(true));
            Page page = context.newPage();
            List<Request> requests = new ArrayList<>();
            page.onRequest(requests::add);

            assertThat(page.navigate("https://blog.coop.test/").status()).isEqualTo(200);
            assertThat(page.title()).contains("Rose Ash");

            page.click("a.sign-in");
            page.waitForURL("https://federation.coop.test/login**");
            page.fill("input[name=email]", "admin@coop.test");
            page.fill("input[name=password]", adminPassword);
            page.click("form button[type=submit]");
            page.waitForURL("https://blog.coop.test/**");
            assertThat(page.textContent(".account-slot")).contains("Administrator");

            page.navigate("https://blog.coop.test/editor/new?kind=post");
            page.fill("input[name=title]", "Hello from a real node");
            page.fill("textarea[name=markdown]", "Served by **pods**, through an ingress.");
            page.click("button[value=publish]");
            page.waitForURL("https://blog.coop.test/editor/*/");
            assertThat(page.textContent(".editor-form")).contains("published");

            page.navigate("https://blog.coop.test/");
            page.evaluate("() => window.__e2e = 'kept'");
            requests.clear();
            page.click("a.post-link:has-text('Hello from a real node')");
            page.waitForURL("https://blog.coop.test/posts/hello-from-a-real-node/");
            assertThat(page.textContent("#content h1")).isEqualTo("Hello from a real node");
            assertThat(page.evaluate("() => window.__e2e")).as("boosted: no full page load").isEqualTo("kept");
            assertThat(requests).filteredOn(r -> r.url().endsWith("/posts/hello-from-a-real-node/")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.headers()).containsEntry("hx-request", "true"));

            page.goBack();
            page.waitForURL("https://blog.coop.test/");
            assertThat(page.textContent("#content")).contains("Hello from a real node");
            assertThat(page.evaluate("() => window.__e2e")).as("back button restores without reload").isEqualTo("kept");
            context.close();
        }
    }

    @Test
    @Order(3)
    void aNewDigestForOneServiceRollsOnlyItsDeploymentWhilePagesAnswer() throws Exception {
        Map<String, String> generationsBefore = generations();
        Map<String, String> podsBefore = pods();
        ImageVariant rebuilt = ImageVariant.of(IMAGES.resolve("account.tar"), work, "0.1.0-SNAPSHOT-rebuilt",
                ImageVariant.labelled("com.roseash.e2e/rebuild", "2"));
        node.load(List.of(rebuilt.archive()));

        long started = System.nanoTime();
        try (PageWatch watch = watchPages()) {
            patchImage("account", rebuilt.digest());
            node.kubectl("-n", NAMESPACE, "wait", "--for=jsonpath={.status.services.account.image}=ghcr.io/rose-ash/account@"
                    + rebuilt.digest(), "rap/coop", "--timeout=5m");
            node.kubectl("-n", NAMESPACE, "wait", "--for=condition=Ready", "rap/coop", "--timeout=5m");
            node.kubectl("-n", NAMESPACE, "rollout", "status", "deployment/coop-account", "--timeout=5m");
            timings.put("one digest changed: rolled and Ready", elapsed(started));
            assertThat(watch.failures()).as("what visitors saw while account rolled").isEmpty();
            assertThat(watch.answered()).isGreaterThan(10);
        }

        Map<String, String> generationsAfter = generations();
        assertThat(Long.parseLong(generationsAfter.get("deployment/coop-account")))
                .isEqualTo(Long.parseLong(generationsBefore.get("deployment/coop-account")) + 1);
        generationsBefore.remove("deployment/coop-account");
        generationsAfter.remove("deployment/coop-account");
        assertThat(generationsAfter).as("every other workload untouched").isEqualTo(generationsBefore);
        Map<String, String> podsAfter = pods();
        for (String service : List.of("blog", "federation", "redis", "postgres")) {
            assertThat(podsAfter.get(service)).as(service + " kept its pod").isEqualTo(podsBefore.get(service));
        }
        assertThat(podsAfter.get("account")).isNotEqualTo(podsBefore.get("account"));
    }

    @Test
    @Order(4)
    void aBrokenMigrateImageHoldsBackTheVersionItCameWithAndSaysDegraded() throws Exception {
        Map<String, String> generationsBefore = generations();
        String blogBefore = deploymentImage("coop-blog");
        ImageVariant broken = ImageVariant.of(IMAGES.resolve("migrate.tar"), work, "0.1.0-SNAPSHOT-broken",
                ImageVariant.failing());
        ImageVariant blog = ImageVariant.of(IMAGES.resolve("blog.tar"), work, "0.1.0-SNAPSHOT-next",
                ImageVariant.labelled("com.roseash.e2e/rebuild", "3"));
        node.load(List.of(broken.archive(), blog.archive()));

        // A new version: a new blog and a migrate image that fails. The blog must not roll before its
        // migrations ran, and what runs keeps serving.
        long started = System.nanoTime();
        try (PageWatch watch = watchPages()) {
            patchImages(Map.of("migrate", broken.digest(), "blog", blog.digest()));
            node.kubectl("-n", NAMESPACE, "wait", "--for=condition=Degraded", "rap/coop", "--timeout=5m");
            timings.put("broken migrate image: Degraded (the Job tried twice)", elapsed(started));
            JsonNode platform = json(node.kubectl("-n", NAMESPACE, "get", "rap", "coop", "-o", "json"));
            assertThat(reason(platform, "Degraded")).isEqualTo("MigrationsFailed");
            assertThat(message(platform, "Degraded")).contains("BackoffLimitExceeded");
            assertThat(reason(platform, "Ready")).isEqualTo("MigrationsFailed");
            assertThat(generations()).as("the running version is left as it was").isEqualTo(generationsBefore);
            assertThat(deploymentImage("coop-blog")).isEqualTo(blogBefore);
            assertThat(watch.failures()).isEmpty();
        }

        // The migrate image fixed: the version goes through, blog included.
        started = System.nanoTime();
        try (PageWatch watch = watchPages()) {
            patchImages(Map.of("migrate", digests.get("migrate")));
            node.kubectl("-n", NAMESPACE, "wait", "--for=condition=Degraded=false", "rap/coop", "--timeout=5m");
            node.kubectl("-n", NAMESPACE, "wait", "--for=jsonpath={.status.services.blog.image}=ghcr.io/rose-ash/blog@"
                    + blog.digest(), "rap/coop", "--timeout=5m");
            node.kubectl("-n", NAMESPACE, "wait", "--for=condition=Ready", "rap/coop", "--timeout=5m");
            timings.put("migrate image fixed: migrations, blog rolled, Ready", elapsed(started));
            assertThat(watch.failures()).as("what visitors saw while the blog rolled").isEmpty();
        }
        assertThat(deploymentImage("coop-blog")).isEqualTo("ghcr.io/rose-ash/blog@" + blog.digest());
    }

    @Test
    @Order(5)
    void aKilledServicePodIsReplaced() throws Exception {
        String killed = pods().get("blog");
        node.kubectl("-n", NAMESPACE, "delete", "pod", killed, "--grace-period=0", "--force", "--wait=false");

        long started = System.nanoTime();
        String replacement = Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> pods().get("blog"), pod -> pod != null && !pod.equals(killed));
        // By name: a pod of the previous rollout may still be terminating under the same labels.
        node.kubectl("-n", NAMESPACE, "wait", "--for=condition=Ready", "pod/" + replacement, "--timeout=3m");
        node.kubectl("-n", NAMESPACE, "wait", "--for=condition=Ready", "rap/coop", "--timeout=3m");
        // With one replica a killed pod is an outage until its replacement is ready and the ingress has
        // its address; then the new pod serves what the old one did.
        HttpClient client = PageWatch.client(certificate);
        HttpResponse<String> home = Awaitility.await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).until(() -> client.send(HttpRequest.newBuilder(
                        URI.create("https://blog.coop.test/")).build(), HttpResponse.BodyHandlers.ofString()),
                        response -> response.statusCode() == 200);
        timings.put("killed blog pod replaced, serving again", elapsed(started));
        assertThat(home.body()).contains("Hello from a real node");
    }

    private PageWatch watchPages() {
        return new PageWatch(certificate, List.of(URI.create("https://blog.coop.test/"), URI.create("https://account.coop.test/"),
                URI.create("https://federation.coop.test/.well-known/openid-configuration")));
    }

    private void patchImage(String image, String digest) {
        patchImages(Map.of(image, digest));
    }

    /** One change of the resource, pinning each image to its digest. */
    private void patchImages(Map<String, String> digestsByImage) {
        Map<String, Object> overrides = new TreeMap<>();
        digestsByImage.forEach((image, digest) -> overrides.put(image, Map.of("digest", digest)));
        try {
            node.kubectl("-n", NAMESPACE, "patch", "rap", "coop", "--type", "merge", "-p",
                    JSON.writeValueAsString(Map.of("spec", Map.of("images", Map.of("overrides", overrides)))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String deploymentImage(String deployment) {
        return node.kubectl("-n", NAMESPACE, "get", "deployment", deployment, "-o",
                "jsonpath={.spec.template.spec.containers[0].image}").strip();
    }

    /** metadata.generation of every Deployment and StatefulSet of the platform. */
    private Map<String, String> generations() {
        Map<String, String> generations = new TreeMap<>();
        node.kubectl("-n", NAMESPACE, "get", "deployments,statefulsets", "-o",
                        "jsonpath={range .items[*]}{.kind}/{.metadata.name}={.metadata.generation}{\"\\n\"}{end}")
                .lines().filter(line -> line.contains("=")).forEach(line -> {
                    String[] parts = line.split("=");
                    generations.put(parts[0].toLowerCase(Locale.ROOT), parts[1]);
                });
        return generations;
    }

    /** The running pod of each component (by its label). */
    private Map<String, String> pods() {
        Map<String, String> pods = new TreeMap<>();
        JsonNode list = json(node.kubectl("-n", NAMESPACE, "get", "pods", "-o", "json"));
        for (JsonNode pod : list.path("items")) {
            if ("Running".equals(pod.path("status").path("phase").asText())
                    && pod.path("metadata").path("deletionTimestamp").isMissingNode()) {
                pods.put(pod.path("metadata").path("labels").path("app.kubernetes.io/component").asText(),
                        pod.path("metadata").path("name").asText());
            }
        }
        return pods;
    }

    private static String condition(JsonNode platform, String type) {
        return conditionField(platform, type, "status");
    }

    private static String reason(JsonNode platform, String type) {
        return conditionField(platform, type, "reason");
    }

    private static String message(JsonNode platform, String type) {
        return conditionField(platform, type, "message");
    }

    private static String conditionField(JsonNode platform, String type, String field) {
        for (JsonNode condition : platform.path("status").path("conditions")) {
            if (type.equals(condition.path("type").asText())) {
                return condition.path(field).asText();
            }
        }
        return null;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toSeconds();
    }

    /** The services without an image yet (not landed in the contract), turned off. */
    private static String comingServicesDisabled() {
        return Arrays.stream(ServiceName.values()).filter(service -> !service.isLanded())
                .map(service -> service.id() + ": {enabled: false}").collect(Collectors.joining(", "));
    }
}
