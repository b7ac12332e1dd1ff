package com.roseash.operator.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.roseash.operator.testing.ControlPlane;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CRD from crds/, applied to a real API server, which refuses bad platforms with the field named. */
class ValidationTest {

    private static KubernetesClient client;
    private static String namespace;

    @BeforeAll
    static void applyCrd() throws IOException {
        ControlPlane plane = ControlPlane.shared();
        client = plane.newClient();
        CustomResourceDefinition crd = Serialization.unmarshal(Files.readString(CrdYamlTest.CHECKED_IN),
                CustomResourceDefinition.class);
        client.apiextensions().v1().customResourceDefinitions().resource(crd).forceConflicts().serverSideApply();
        client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions().stream()
                        .anyMatch(condition -> "Established".equals(condition.getType()) && "True".equals(condition.getStatus())),
                        1, TimeUnit.MINUTES);
        namespace = plane.newNamespace("validation");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aValidPlatformIsAcceptedAndDefaulted() {
        GenericKubernetesResource created = create("good", """
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                services: {blog: {replicas: 2}}
                """);

        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) created.getAdditionalProperties().get("spec");
        assertThat(spec).containsEntry("keepVolumes", false);
        assertThat(spec.get("database").toString()).contains("version=17").contains("storageSize=10Gi");
        assertThat(spec.get("services").toString()).contains("enabled=true").contains("replicas=2");
    }

    @Test
    void bothOrNeitherOfExternalAndManagedIsRefused() {
        assertRefused("""
                domain: coop.example
                database: {managed: {}, external: {name: pg}}
                redis: {managed: {}}
                """, "spec.database", "exactly one of external and managed must be set");
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {}
                """, "spec.redis", "exactly one of external and managed must be set");
    }

    @Test
    void negativeReplicasAreRefused() {
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                services: {cart: {replicas: -1}}
                """, "spec.services.cart.replicas", "greater than or equal to 0");
    }

    @Test
    void theDomainMustBeADnsName() {
        assertRefused("""
                domain: "Not A Domain!"
                database: {managed: {}}
                redis: {managed: {}}
                """, "spec.domain", "should match");
    }

    @Test
    void aDigestMustHaveTheRightForm() {
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                images: {overrides: {blog: {digest: "sha256:xyz"}}}
                """, "spec.images.overrides.blog.digest", "should match");
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                images: {overrides: {blog: {tag: "1.2", digest: "sha256:%s"}}}
                """.formatted("a".repeat(64)), "spec.images.overrides[blog]", "give exactly one of tag and digest");
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                images: {overrides: {blogg: {tag: "1.2"}}}
                """, "spec.images", "overrides: keys must be images of the platform");
        assertThat(create("pinned", """
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                images: {overrides: {postgres-17: {tag: "17"}, redis: {tag: "7"}, migrate: {tag: "2"}}}
                """).getMetadata().getName()).isEqualTo("pinned");
    }

    @Test
    void unknownServicesAndMissingFieldsAreRefused() {
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                services: {shop: {replicas: 1}}
                """, "spec", "keys must be service names");
        assertRefused("""
                database: {managed: {}}
                redis: {managed: {}}
                """, "spec.domain", "Required value");
    }

    @Test
    void ingressAnnotationsMustHaveValidKeys() {
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                ingress: {annotations: {"not a valid key!": x}}
                """, "spec.ingress", "keys must be Kubernetes annotation names");
        assertThat(create("annotated", """
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                ingress: {annotations: {"nginx.ingress.kubernetes.io/proxy-body-size": 8m}}
                """).getMetadata().getName()).isEqualTo("annotated");
    }

    @Test
    void theManagedDatabaseVersionIsOneOfTheSupported() {
        assertRefused("""
                domain: coop.example
                database: {managed: {version: "14"}}
                redis: {managed: {}}
                """, "spec.database.managed.version", "Unsupported value: \"14\"");
        assertThat(create("pg18", """
                domain: coop.example
                database: {managed: {version: "18"}}
                redis: {managed: {}}
                """).getMetadata().getName()).isEqualTo("pg18");
    }

    @Test
    void aNameTooLongForItsChildrenIsRefused() {
        assertThatThrownBy(() -> create("a".repeat(41), """
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                """))
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("metadata.name").hasMessageContaining("at most 40 characters");
        assertThat(create("b".repeat(40), """
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                """).getMetadata().getName()).hasSize(40);
    }

    @Test
    void sumUpNeedsAMerchantCodeAndItsKeysSecretAndAnHttpsApi() {
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                payments: {sumup: {merchantCode: MH4H92C7, apiKeySecret: {name: sumup}, apiUrl: "http://api.sumup.com"}}
                """, "spec.payments.sumup.apiUrl", "apiUrl: must be an https:// URL");
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                payments: {sumup: {apiKeySecret: {name: sumup}}}
                """, "spec.payments.sumup.merchantCode", "Required value");
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                payments: {sumup: {merchantCode: "sup_sk_0123456789", apiKeySecret: {name: sumup}}}
                """, "spec.payments.sumup.merchantCode", "should match");
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                payments: {sumup: {merchantCode: MH4H92C7}}
                """, "spec.payments.sumup.apiKeySecret", "Required value");
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                payments: {sumup: {merchantCode: MH4H92C7, apiKeySecret: {key: api-key}}}
                """, "spec.payments.sumup.apiKeySecret.name", "Required value");

        GenericKubernetesResource created = create("paying", """
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                payments: {sumup: {merchantCode: MH4H92C7, apiKeySecret: {name: sumup}}}
                """);
        assertThat(created.get("spec", "payments", "sumup", "apiUrl").toString()).isEqualTo("https://api.sumup.com");
        assertThat(created.get("spec", "payments", "sumup", "apiKeySecret", "key").toString()).isEqualTo("api-key");
        assertThat(create("sandbox", """
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                payments: {sumup: {merchantCode: MH4H92C7, apiKeySecret: {name: sumup, key: sandbox}, \
                apiUrl: "https://sumup-stand-in.coop.example:8443/api"}}
                """).getMetadata().getName()).isEqualTo("sandbox");
    }

    @Test
    void mailNeedsAHostAKnownSecurityAndTlsForItsPassword() {
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                mail: {port: 587}
                """, "spec.mail.host", "Required value");
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                mail: {host: smtp.coop.example, security: ssl}
                """, "spec.mail.security", "Unsupported value: \"ssl\"");
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                mail: {host: smtp.coop.example, port: 0}
                """, "spec.mail.port", "greater than or equal to 1");
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                mail: {host: "smtp.coop.example:587"}
                """, "spec.mail.host", "should match");
        assertRefused("""
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                mail: {host: smtp.coop.example, security: none, credentialsSecret: {name: smtp}}
                """, "spec.mail.credentialsSecret", "not with security none");

        GenericKubernetesResource created = create("mailing", """
                domain: coop.example
                database: {managed: {}}
                redis: {managed: {}}
                mail: {host: smtp.coop.example, from: "Coop <shop@coop.example>", credentialsSecret: {name: smtp}}
                """);
        assertThat(created.get("spec", "mail", "security").toString()).isEqualTo("starttls");
        assertThat(created.get("spec", "mail", "credentialsSecret").toString()).contains("userKey=user")
                .contains("passwordKey=password");
    }

    private static void assertRefused(String spec, String field, String message) {
        assertThatThrownBy(() -> create("bad-" + System.nanoTime(), spec))
                .isInstanceOf(KubernetesClientException.class)
                .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
                .hasMessageContaining(field)
                .hasMessageContaining(message);
    }

    private static GenericKubernetesResource create(String name, String specYaml) {
        String yaml = """
                apiVersion: rose-ash.com/v1alpha1
                kind: RoseAshPlatform
                metadata:
                  name: %s
                spec:
                %s""".formatted(name, specYaml.indent(2));
        GenericKubernetesResource resource = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
        return client.genericKubernetesResources("rose-ash.com/v1alpha1", "RoseAshPlatform").inNamespace(namespace)
                .resource(resource).create();
    }
}
