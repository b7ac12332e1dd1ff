package com.roseash.cart.sumup;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SumUp's JSON, written and read in one place. SumUp's {@code amount} is a JSON number in major units: it is
 * written from {@link BigDecimal} and read back as one, so no amount ever passes through a double.
 */
final class SumUpJson {

    /** SumUp's error body: {@code {"error_code": ..., "message" | "error_message": ...}}, or a problem's title. */
    record Error(String code, String message) {
    }

    /** Decimals kept digit for digit ({@code 12.50} stays 12.50) and always written plainly, never as 1.2E+3. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final int QUOTED_MAX = 200;

    private SumUpJson() {
    }

    static String checkoutRequest(CheckoutRequest request, String merchantCode) {
        ObjectNode node = JSON.createObjectNode()
                .put("checkout_reference", request.reference())
                .put("amount", request.amount().major())
                .put("currency", request.amount().currency().getCurrencyCode())
                .put("merchant_code", merchantCode);
        if (request.description() != null) {
            node.put("description", request.description());
        }
        if (request.returnUrl() != null) {
            node.put("return_url", request.returnUrl().toString());
        }
        if (request.redirectUrl() != null) {
            node.put("redirect_url", request.redirectUrl().toString());
        }
        node.putObject("hosted_checkout").put("enabled", true);
        return node.toString();
    }

    static String refund(BigDecimal amount) {
        return JSON.createObjectNode().put("amount", amount).toString();
    }

    /** A checkout; {@link IllegalArgumentException} saying what is wrong when the JSON is not one. */
    static Checkout checkout(String json) {
        return checkout(tree(json));
    }

    static List<Checkout> checkouts(String json) {
        JsonNode array = tree(json);
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected an array of checkouts, got " + quote(json));
        }
        List<Checkout> checkouts = new ArrayList<>();
        array.forEach(node -> checkouts.add(checkout(node)));
        return checkouts;
    }

    /** What SumUp said in an error answer; both parts null when the body is not SumUp's error JSON. */
    static Error error(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            return new Error(null, body.isBlank() ? null : quote(body));
        }
        if (node == null || !node.isObject()) {
            return new Error(null, body.isBlank() ? null : quote(body));
        }
        return new Error(firstText(node, "error_code", "title"), firstText(node, "message", "error_message", "detail"));
    }

    /** At most a few hundred characters of what SumUp sent, for a message. */
    static String quote(String body) {
        return body.length() <= QUOTED_MAX ? body : body.substring(0, QUOTED_MAX) + "...";
    }

    /** A field's value for a message: "nothing" when it is absent. */
    static String shown(JsonNode value) {
        return value.isMissingNode() ? "nothing" : quote(value.toString());
    }

    private static Checkout checkout(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a checkout object, got " + quote(node.toString()));
        }
        List<Transaction> transactions = new ArrayList<>();
        JsonNode list = node.path("transactions");
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException("a checkout's transactions are an array");
            }
            list.forEach(each -> transactions.add(transaction(each)));
        }
        return new Checkout(text(node, "id"), text(node, "checkout_reference"), amount(node), text(node, "currency"),
                Checkout.Status.of(text(node, "status")), url(node, "hosted_checkout_url"), transactions);
    }

    private static Transaction transaction(JsonNode node) {
        JsonNode code = node.path("transaction_code");
        return new Transaction(text(node, "id"), code.isTextual() ? code.asText() : null, text(node, "status"),
                amount(node), text(node, "currency"));
    }

    /** SumUp's amount: a number, read as written. A string or a missing amount is not SumUp's API. */
    private static BigDecimal amount(JsonNode node) {
        JsonNode amount = node.path("amount");
        if (!amount.isNumber()) {
            throw new IllegalArgumentException("expected \"amount\" as a number, got " + shown(amount));
        }
        return amount.decimalValue();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("expected \"" + field + "\" as text, got " + shown(value));
        }
        return value.asText();
    }

    private static Optional<URI> url(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(value.asText()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not a URL: " + value);
        }
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if (value.isTextual() && !value.asText().isBlank()) {
                return quote(value.asText());
            }
        }
        return null;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + quote(json));
        }
    }
}
