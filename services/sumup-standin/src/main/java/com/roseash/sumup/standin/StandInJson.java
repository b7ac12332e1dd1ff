package com.roseash.sumup.standin;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON shapes of SumUp's Checkouts API (the Checkout object of its API reference), written in one place.
 * Amounts are numbers in major units, read and written as {@link java.math.BigDecimal} digit for digit.
 */
final class StandInJson {

    /** Decimals kept as written: {@code 12.50} is read as 12.50, not as a double, and written back plainly. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private StandInJson() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The parsed body, or a 400 in SumUp's validation shape when it is not JSON. */
    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw ApiRefusal.invalid("body", "Request body is not JSON");
        }
    }

    static ObjectNode checkout(StandInCheckout checkout, URI base) {
        ObjectNode node = object()
                .put("checkout_reference", checkout.reference())
                .put("amount", checkout.amount())
                .put("currency", checkout.currency())
                .put("merchant_code", checkout.merchantCode());
        if (checkout.description() != null) {
            node.put("description", checkout.description());
        }
        if (checkout.returnUrl() != null) {
            node.put("return_url", checkout.returnUrl().toString());
        }
        if (checkout.redirectUrl() != null) {
            node.put("redirect_url", checkout.redirectUrl().toString());
        }
        node.put("id", checkout.id()).put("status", checkout.status()).put("date", checkout.date().toString());
        if (checkout.hosted()) {
            node.putObject("hosted_checkout").put("enabled", true);
            node.put("hosted_checkout_url", HostedPage.url(base, checkout.id()).toString());
        }
        checkout.payment().ifPresent(payment -> node.put("transaction_code", payment.code())
                .put("transaction_id", payment.id()));
        ArrayNode transactions = node.putArray("transactions");
        for (StandInTransaction transaction : checkout.transactions()) {
            transactions.addObject()
                    .put("id", transaction.id())
                    .put("transaction_code", transaction.code())
                    .put("amount", transaction.amount())
                    .put("currency", transaction.currency())
                    .put("timestamp", transaction.timestamp().toString())
                    .put("status", transaction.status())
                    .put("payment_type", "ECOM")
                    .put("merchant_code", checkout.merchantCode());
        }
        return node;
    }

    static ArrayNode checkouts(List<StandInCheckout> checkouts, URI base) {
        ArrayNode array = JSON.createArrayNode();
        checkouts.forEach(checkout -> array.add(checkout(checkout, base)));
        return array;
    }

    /** What SumUp POSTs to a checkout's return_url: unsigned, so the receiver must fetch the checkout. */
    static String notification(String checkoutId) {
        return object().put("event_type", "CHECKOUT_STATUS_CHANGED").put("id", checkoutId).toString();
    }
}
