package com.roseash.operator.desired;

import java.util.List;
import java.util.stream.IntStream;

import com.roseash.contract.ServiceName;
import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cart's SumUp settings and every service's SMTP settings, as the operator renders them from the resource:
 * secrets only by reference to the resource's Secrets, the rest as values; nothing when the resource says nothing.
 */
class PaymentsAndMailTest {

    private static final String PAYMENTS = """
            payments:
              sumup: {merchantCode: MH4H92C7, apiKeySecret: {name: sumup}}
            """;
    private static final String MAIL = """
            mail:
              host: smtp.coop.example
              credentialsSecret: {name: smtp}
            """;

    @Test
    void theCartReadsItsApiKeyFromTheSecretAndItsMerchantAndApiAsValues() {
        List<EnvVar> env = ServiceWorkloads.environment(platform(PAYMENTS), ServiceName.CART.id());

        assertThat(env).extracting(PaymentsAndMailTest::source).containsSubsequence(
                "ROSE_ASH_SUMUP_API_KEY from secret sumup/api-key",
                "ROSE_ASH_SUMUP_MERCHANT_CODE=MH4H92C7",
                "ROSE_ASH_SUMUP_API_URL=https://api.sumup.com");
        assertThat(env).filteredOn(e -> e.getName().equals("ROSE_ASH_SUMUP_API_KEY")).singleElement()
                .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getOptional())
                        .as("a missing Secret keeps the pod from starting, reported as ConfigError").isNull());
    }

    @Test
    void theResourcesKeyAndApiAreTheOnesUsed() {
        List<EnvVar> env = ServiceWorkloads.paymentsEnvironment(platform("""
                payments:
                  sumup:
                    merchantCode: MH4H92C7
                    apiKeySecret: {name: shop-payments, key: sumup-key}
                    apiUrl: https://sumup.coop.example/
                """), ServiceName.CART);

        assertThat(env).extracting(PaymentsAndMailTest::source).containsExactly(
                "ROSE_ASH_SUMUP_API_KEY from secret shop-payments/sumup-key",
                "ROSE_ASH_SUMUP_MERCHANT_CODE=MH4H92C7",
                "ROSE_ASH_SUMUP_API_URL=https://sumup.coop.example/");
    }

    @Test
    void onlyTheCartGetsSumUpAndOnlyInItsDeployment() {
        PlatformView platform = platform(PAYMENTS);
        for (ServiceName service : ServiceName.values()) {
            if (service != ServiceName.CART) {
                assertThat(ServiceWorkloads.environment(platform, service.id())).extracting(EnvVar::getName)
                        .as(service.id()).noneMatch(name -> name.startsWith("ROSE_ASH_SUMUP_"));
            }
        }
        Deployment cart = ServiceWorkloads.deployment(platform, ServiceName.CART.id(), platform.image(ServiceName.CART.id()));
        assertThat(cart.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv()).extracting(EnvVar::getName)
                .contains("ROSE_ASH_SUMUP_API_KEY", "ROSE_ASH_SUMUP_MERCHANT_CODE", "ROSE_ASH_SUMUP_API_URL");
        assertThat(Configuration.data(platform)).as("nothing of SumUp in the ConfigMap every service reads")
                .allSatisfy((key, value) -> assertThat(key).doesNotStartWith("ROSE_ASH_SUMUP_"));
    }

    @Test
    void withoutPaymentsOrMailNothingOfEitherIsSet() {
        PlatformView platform = platform("payments: {}");
        for (ServiceName service : ServiceName.values()) {
            assertThat(ServiceWorkloads.environment(platform, service.id())).extracting(EnvVar::getName).as(service.id())
                    .noneMatch(name -> name.startsWith("ROSE_ASH_SUMUP_") || name.startsWith("ROSE_ASH_MAIL_"));
        }
        assertThat(ServiceWorkloads.paymentsEnvironment(platform(""), ServiceName.CART)).isEmpty();
        assertThat(Configuration.data(platform(""))).allSatisfy((key, value) ->
                assertThat(key).doesNotStartWith("ROSE_ASH_MAIL_"));
    }

    @Test
    void everyServiceReadsTheSmtpServerFromTheConfigMapAndItsCredentialsFromTheSecret() {
        PlatformView platform = platform(MAIL);

        assertThat(Configuration.data(platform))
                .containsEntry("ROSE_ASH_MAIL_HOST", "smtp.coop.example")
                .containsEntry("ROSE_ASH_MAIL_PORT", "587")
                .containsEntry("ROSE_ASH_MAIL_SECURITY", "starttls")
                .containsEntry("ROSE_ASH_MAIL_FROM", "no-reply@coop.example")
                .doesNotContainKeys("ROSE_ASH_MAIL_USERNAME", "ROSE_ASH_MAIL_PASSWORD");
        for (ServiceName service : ServiceName.values()) {
            assertThat(ServiceWorkloads.environment(platform, service.id())).extracting(PaymentsAndMailTest::source)
                    .as(service.id()).containsSubsequence(
                            "ROSE_ASH_MAIL_USERNAME from secret smtp/user",
                            "ROSE_ASH_MAIL_PASSWORD from secret smtp/password");
        }
    }

    @Test
    void tlsFromTheFirstByteDefaultsToItsPortAndTheResourcesValuesWin() {
        assertThat(Configuration.data(platform("mail: {host: smtp.coop.example, security: tls}")))
                .containsEntry("ROSE_ASH_MAIL_PORT", "465").containsEntry("ROSE_ASH_MAIL_SECURITY", "tls");
        PlatformView given = platform("""
                mail:
                  host: smtp.coop.example
                  port: 2525
                  from: "Coop <shop@coop.example>"
                  security: none
                """);
        assertThat(Configuration.data(given)).containsEntry("ROSE_ASH_MAIL_PORT", "2525")
                .containsEntry("ROSE_ASH_MAIL_FROM", "Coop <shop@coop.example>").containsEntry("ROSE_ASH_MAIL_SECURITY", "none");
        assertThat(ServiceWorkloads.mailEnvironment(given)).as("no credentials, no sign-in").isEmpty();
        assertThat(ServiceWorkloads.mailEnvironment(platform("""
                mail:
                  host: smtp.coop.example
                  credentialsSecret: {name: smtp, userKey: login, passwordKey: secret}
                """))).extracting(PaymentsAndMailTest::source).containsExactly(
                        "ROSE_ASH_MAIL_USERNAME from secret smtp/login",
                        "ROSE_ASH_MAIL_PASSWORD from secret smtp/secret");
    }

    @Test
    void aMailChangeRollsEveryServiceAndAPaymentsChangeOnlyTheCart() {
        List<HasMetadata> before = DesiredState.of(resource(""));
        List<HasMetadata> withPayments = DesiredState.of(resource(PAYMENTS));
        List<HasMetadata> withMail = DesiredState.of(resource(MAIL));

        assertThat(changed(before, withPayments)).containsExactly("Deployment/coop-cart");
        assertThat(changed(before, withMail)).contains("ConfigMap/coop-config", "Deployment/coop-blog", "Deployment/coop-cart",
                "Deployment/coop-account");
        ConfigMap config = withMail.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast).findFirst()
                .orElseThrow();
        assertThat(config.getData()).containsKey("ROSE_ASH_MAIL_HOST");
    }

    private static List<String> changed(List<HasMetadata> a, List<HasMetadata> b) {
        assertThat(a).hasSameSizeAs(b);
        return IntStream.range(0, a.size())
                .filter(i -> !Serialization.asYaml(a.get(i)).equals(Serialization.asYaml(b.get(i))))
                .mapToObj(i -> a.get(i).getKind() + "/" + a.get(i).getMetadata().getName()).toList();
    }

    private static PlatformView platform(String extraSpec) {
        return PlatformView.of(resource(extraSpec));
    }

    private static RoseAshPlatform resource(String extraSpec) {
        return Serialization.unmarshal("""
                apiVersion: rose-ash.com/v1alpha1
                kind: RoseAshPlatform
                metadata: {name: coop, namespace: rose-ash}
                spec:
                  domain: coop.example
                  database: {external: {name: db}}
                  redis: {managed: {}}
                %s""".formatted(extraSpec.indent(2)), RoseAshPlatform.class);
    }

    /** A variable and where its value comes from: written out, or read from a Secret's key. */
    private static String source(EnvVar env) {
        if (env.getValueFrom() == null) {
            return env.getName() + "=" + env.getValue();
        }
        SecretKeySelector secret = env.getValueFrom().getSecretKeyRef();
        return env.getName() + " from secret " + secret.getName() + "/" + secret.getKey();
    }
}
