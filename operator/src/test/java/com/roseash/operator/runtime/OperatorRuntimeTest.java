package com.roseash.operator.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.roseash.operator.testing.ControlPlane;
import com.roseash.operator.testing.OperatorUnderTest;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operator process: leader election on a real Lease, and its health and metrics endpoint. */
class OperatorRuntimeTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void oneOfTwoOperatorsLeadsAndBothAnswerHealthAndMetrics() throws Exception {
        String namespace = ControlPlane.shared().newNamespace("leader");
        // Like two pods' names: the same but for the end, which is what tells them apart.
        String firstIdentity = "rose-ash-operator-" + namespace + "-first";
        String secondIdentity = "rose-ash-operator-" + namespace + "-second";
        try (KubernetesClient admin = ControlPlane.shared().newClient();
             RoseAshOperator first = OperatorUnderTest.start("runtime-" + namespace, firstIdentity, Duration.ofMinutes(10),
                     namespace)) {
            await().atMost(Duration.ofSeconds(30)).until(first::isLeader);
            try (RoseAshOperator second = OperatorUnderTest.start("runtime-" + namespace, secondIdentity,
                    Duration.ofMinutes(10), namespace)) {
                assertThat(holder(admin, "runtime-" + namespace)).as("the Lease names the first operator")
                        .isEqualTo(firstIdentity);

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(first.adminUri().resolve("readyz"))
                        .statusCode()).isEqualTo(200));
                assertThat(get(first.adminUri().resolve("healthz")).statusCode()).isEqualTo(200);
                assertThat(get(second.adminUri().resolve("healthz")).statusCode()).isEqualTo(200);
                HttpResponse<String> metrics = get(first.adminUri().resolve("metrics"));
                assertThat(metrics.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
                assertThat(metrics.body()).contains("rose_ash_operator_leader 1", "rose_ash_operator_reconciles_total ",
                        "rose_ash_operator_api_writes_total ", "jvm_memory_heap_used_bytes ");
                // The second waits while the first renews the lease: two renewals later it still does not lead.
                for (int renewal = 0; renewal < 2; renewal++) {
                    var renewed = admin.leases().inNamespace(OperatorUnderTest.OPERATOR_NAMESPACE)
                            .withName("runtime-" + namespace)
                            .get().getSpec().getRenewTime();
                    await().atMost(Duration.ofSeconds(30)).until(() -> !renewed.equals(admin.leases()
                            .inNamespace(OperatorUnderTest.OPERATOR_NAMESPACE).withName("runtime-" + namespace).get().getSpec()
                                    .getRenewTime()));
                }
                assertThat(second.isLeader()).isFalse();
                assertThat(get(second.adminUri().resolve("metrics")).body()).contains("rose_ash_operator_leader 0");

                HttpResponse<String> post = http.send(HttpRequest.newBuilder(first.adminUri().resolve("metrics"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(post.statusCode()).isEqualTo(405);

                first.close();
                await().atMost(Duration.ofSeconds(60)).until(second::isLeader);
                assertThat(holder(admin, "runtime-" + namespace)).as("the Lease names the second operator")
                        .isEqualTo(secondIdentity);
            }
        }
    }

    private static String holder(KubernetesClient admin, String lease) {
        return admin.leases().inNamespace(OperatorUnderTest.OPERATOR_NAMESPACE).withName(lease).get().getSpec()
                .getHolderIdentity();
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
