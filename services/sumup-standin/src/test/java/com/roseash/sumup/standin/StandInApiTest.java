package com.roseash.sumup.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in's API in raw HTTP and JSON, held to the shapes of SumUp's API reference. */
class StandInApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SumUpStandIn sumUp;
    private HttpClient http;

    @BeforeEach
    void start() {
        sumUp = SumUpStandIn.start();
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        http.close();
        sumUp.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(sumUp.baseUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(sumUp.apiKey()).startsWith("sup_sk_standin_");
    }

    @Test
    void everyCallNeedsTheKeyAsABearerToken() throws Exception {
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(sumUp.baseUrl().resolve("/v0.1/checkouts")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = send("GET", "/v0.1/checkouts", null, "Bearer sup_sk_wrong");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body())).isEqualTo(JSON.readTree(
                "{\"message\": \"access token required\", \"error_code\": \"NOT_AUTHORIZED\"}"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body())).isEqualTo(JSON.readTree(
                "{\"error_message\": \"invalid access token\", \"error_code\": \"NOT_AUTHORIZED\"}"));
        assertThat(sumUp.requestCount()).isEqualTo(2);
    }

    @Test
    void createsACheckoutInSumUpsShape() throws Exception {
        HttpResponse<String> created = create("{\"checkout_reference\": \"order-1\", \"amount\": 10.10, \"currency\": \"EUR\","
                + " \"merchant_code\": \"" + sumUp.merchantCode() + "\", \"description\": \"Order 1\","
                + " \"return_url\": \"http://127.0.0.1:9/notify\", \"redirect_url\": \"http://127.0.0.1:9/back\","
                + " \"hosted_checkout\": {\"enabled\": true}}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(created.body()).contains("\"amount\":10.10");
        JsonNode checkout = JSON.readTree(created.body());
        String id = checkout.path("id").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(checkout.path("checkout_reference").asText()).isEqualTo("order-1");
        assertThat(checkout.path("currency").asText()).isEqualTo("EUR");
        assertThat(checkout.path("merchant_code").asText()).isEqualTo(sumUp.merchantCode());
        assertThat(checkout.path("description").asText()).isEqualTo("Order 1");
        assertThat(checkout.path("return_url").asText()).isEqualTo("http://127.0.0.1:9/notify");
        assertThat(checkout.path("redirect_url").asText()).isEqualTo("http://127.0.0.1:9/back");
        assertThat(checkout.path("status").asText()).isEqualTo("PENDING");
        assertThat(checkout.path("hosted_checkout").path("enabled").asBoolean()).isTrue();
        assertThat(checkout.path("hosted_checkout_url").asText()).isEqualTo(sumUp.baseUrl() + "/pay/" + id);
        assertThat(checkout.path("transactions").isArray()).isTrue();
        assertThat(checkout.path("transactions")).isEmpty();
        assertThat(checkout.has("transaction_id")).isFalse();
        assertThat(JSON.readTree(send("GET", "/v0.1/checkouts/" + id, null).body())).isEqualTo(checkout);
    }

    @Test
    void withoutHostedCheckoutThereIsNoPage() throws Exception {
        JsonNode checkout = JSON.readTree(create(body("order-1", "12.50", "GBP")).body());

        assertThat(checkout.has("hosted_checkout_url")).isFalse();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(sumUp.baseUrl().resolve("/pay/" + checkout.path("id")
                .asText())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
    }

    @Test
    void aRepeatedReferenceIsDuplicatedCheckout() throws Exception {
        create(body("order-1", "12.50", "GBP"));

        HttpResponse<String> again = create(body("order-1", "12.50", "GBP"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree("{\"error_code\": \"DUPLICATED_CHECKOUT\","
                + " \"message\": \"Checkout with this checkout reference and pay to email already exists\"}"));
    }

    @Test
    void listsCheckoutsByReferenceAsAnArray() throws Exception {
        String id = JSON.readTree(create(body("order 1&2", "12.50", "GBP")).body()).path("id").asText();
        create(body("order-3", "1.00", "GBP"));

        JsonNode one = JSON.readTree(send("GET", "/v0.1/checkouts?checkout_reference=order+1%262", null).body());
        JsonNode none = JSON.readTree(send("GET", "/v0.1/checkouts?checkout_reference=order-4", null).body());
        JsonNode all = JSON.readTree(send("GET", "/v0.1/checkouts", null).body());

        assertThat(one.isArray()).isTrue();
        assertThat(one).hasSize(1);
        assertThat(one.get(0).path("id").asText()).isEqualTo(id);
        assertThat(none.isArray()).isTrue();
        assertThat(none).isEmpty();
        assertThat(all).hasSize(2);
    }

    @Test
    void refusesAmountsSumUpWouldNotTake() throws Exception {
        assertRefused(create(body("a", "\"12.50\"", "GBP")), 400, "INVALID", "amount");
        assertRefused(create(body("b", "12.505", "GBP")), 400, "INVALID", "amount");
        assertRefused(create(body("c", "12.5", "JPY")), 400, "INVALID", "amount");
        assertRefused(create(body("d", "0", "GBP")), 400, "INVALID", "amount");
        assertRefused(create(body("e", "12.50", "XYZ")), 400, "INVALID", "currency");
        assertRefused(create("{\"checkout_reference\": \"f\", \"amount\": 1, \"currency\": \"GBP\"}"), 400, "MISSING",
                "merchant_code");
        assertRefused(create(body("g".repeat(65), "1", "GBP")), 400, "INVALID", "checkout_reference");
        assertThat(JSON.readTree(create(body("h", "12.500", "GBP")).body()).path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void anotherMerchantIsForbidden() throws Exception {
        HttpResponse<String> answer = create("{\"checkout_reference\": \"a\", \"amount\": 1, \"currency\": \"GBP\","
                + " \"merchant_code\": \"MOTHER01\"}");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(answer.body()).path("error_code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void anUnknownCheckoutIsNotFound() throws Exception {
        HttpResponse<String> answer = send("GET", "/v0.1/checkouts/no-such-checkout", null);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree(
                "{\"error_code\": \"NOT_FOUND\", \"message\": \"Resource not found\"}"));
    }

    @Test
    void aPaidCheckoutNamesItsTransaction() throws Exception {
        String id = JSON.readTree(create(body("order-1", "12.50", "GBP")).body()).path("id").asText();

        sumUp.pay(id);

        JsonNode checkout = JSON.readTree(send("GET", "/v0.1/checkouts/" + id, null).body());
        assertThat(checkout.path("status").asText()).isEqualTo("PAID");
        JsonNode transaction = checkout.path("transactions").get(0);
        assertThat(transaction.path("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(transaction.path("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(transaction.path("currency").asText()).isEqualTo("GBP");
        assertThat(transaction.path("transaction_code").asText()).matches("T[A-Z0-9]{9}");
        assertThat(checkout.path("transaction_id").asText()).isEqualTo(transaction.path("id").asText());
        assertThat(checkout.path("transaction_code").asText()).isEqualTo(transaction.path("transaction_code").asText());
        assertThatThrownBy(() -> sumUp.pay(id)).isInstanceOf(IllegalStateException.class).hasMessageContaining("PAID");
    }

    @Test
    void aRefundWithoutAnAmountIsInFullAndOnlyOnce() throws Exception {
        String id = JSON.readTree(create(body("order-1", "12.50", "GBP")).body()).path("id").asText();
        sumUp.pay(id);
        String transactionId = JSON.readTree(send("GET", "/v0.1/checkouts/" + id, null).body()).path("transaction_id")
                .asText();

        HttpResponse<String> refunded = send("POST", "/v0.1/me/refund/" + transactionId, "");
        HttpResponse<String> again = send("POST", "/v0.1/me/refund/" + transactionId, "{\"amount\": 1}");

        assertThat(refunded.statusCode()).isEqualTo(204);
        assertThat(refunded.body()).isEmpty();
        JsonNode checkout = JSON.readTree(send("GET", "/v0.1/checkouts/" + id, null).body());
        assertThat(checkout.path("status").asText()).isEqualTo("PAID");
        assertThat(checkout.path("transactions").get(0).path("status").asText()).isEqualTo("REFUNDED");
        assertRefused(again, 409, "CONFLICT", null);
        assertRefused(send("POST", "/v0.1/me/refund/no-such-transaction", ""), 404, "NOT_FOUND", null);
    }

    @Test
    void partialRefundsAddUpToThePayment() throws Exception {
        String id = JSON.readTree(create(body("order-1", "12.50", "GBP")).body()).path("id").asText();
        sumUp.pay(id);
        String transactionId = JSON.readTree(send("GET", "/v0.1/checkouts/" + id, null).body()).path("transaction_id")
                .asText();

        assertThat(send("POST", "/v0.1/me/refund/" + transactionId, "{\"amount\": 10.00}").statusCode()).isEqualTo(204);
        assertRefused(send("POST", "/v0.1/me/refund/" + transactionId, "{\"amount\": 2.51}"), 400, "INVALID", "amount");
        assertThat(send("POST", "/v0.1/me/refund/" + transactionId, "{\"amount\": 2.50}").statusCode()).isEqualTo(204);
    }

    @Test
    void failsTheNextCallsWhenToldTo() throws Exception {
        sumUp.failNext(2, 503);

        assertRefused(send("GET", "/v0.1/checkouts", null), 503, "INTERNAL_ERROR", null);
        assertRefused(create(body("order-1", "1", "GBP")), 503, "INTERNAL_ERROR", null);
        assertThat(send("GET", "/v0.1/checkouts", null).body()).isEqualTo("[]");
        assertThat(sumUp.requests()).extracting(ReceivedRequest::toString)
                .containsExactly("GET /v0.1/checkouts", "POST /v0.1/checkouts", "GET /v0.1/checkouts");
    }

    @Test
    void sendsSumUpsNotificationForAnyId() throws Exception {
        try (Receiver receiver = new Receiver()) {
            sumUp.sendNotification(receiver.url(), "made-up");

            assertThat(JSON.readTree(receiver.next())).isEqualTo(JSON.readTree(
                    "{\"event_type\": \"CHECKOUT_STATUS_CHANGED\", \"id\": \"made-up\"}"));
        }
    }

    private String body(String reference, String amount, String currency) {
        return "{\"checkout_reference\": \"" + reference + "\", \"amount\": " + amount + ", \"currency\": \"" + currency
                + "\", \"merchant_code\": \"" + sumUp.merchantCode() + "\"}";
    }

    private HttpResponse<String> create(String json) throws IOException, InterruptedException {
        return send("POST", "/v0.1/checkouts", json);
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json, "Bearer " + sumUp.apiKey());
    }

    private HttpResponse<String> send(String method, String path, String json, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sumUp.baseUrl() + path))
                .header("Authorization", authorization);
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String errorCode, String param)
            throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.path("error_code").asText()).isEqualTo(errorCode);
        if (param != null) {
            assertThat(error.path("param").asText()).isEqualTo(param);
        }
    }
}
