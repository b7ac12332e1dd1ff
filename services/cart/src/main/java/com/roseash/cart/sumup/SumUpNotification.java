package com.roseash.cart.sumup;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What SumUp POSTs to a checkout's return_url: {@code {"event_type": "CHECKOUT_STATUS_CHANGED", "id": "..."}}.
 * It is not signed and says nothing about the new status, so it is only a hint: the receiver fetches the checkout
 * ({@link SumUpClient#get}) and believes that, never the notification.
 *
 * @param checkoutId the checkout that changed, as claimed by whoever sent this
 */
public record SumUpNotification(String checkoutId) {

    public static final String CHECKOUT_STATUS_CHANGED = "CHECKOUT_STATUS_CHANGED";

    /** SumUp's checkout ids are UUIDs; anything else is not put into a request path. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public SumUpNotification {
        if (checkoutId == null || !ID.matcher(checkoutId).matches()) {
            throw new IllegalArgumentException("a SumUp checkout id is 1 to 64 letters, digits, '-' or '_', not "
                    + (checkoutId == null ? "nothing" : "\"" + SumUpJson.quote(checkoutId) + "\""));
        }
    }

    /**
     * The notification in {@code body}; {@link IllegalArgumentException} saying why when it is not one (not JSON,
     * another event type, no id). SumUp may add event types: a receiver should answer those 2xx all the same
     * (anything else is retried) and ignore them.
     */
    public static SumUpNotification parse(String body) {
        JsonNode node;
        try {
            node = SumUpJson.JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new IllegalArgumentException("a SumUp notification is JSON, not " + quoted(body));
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a SumUp notification is a JSON object, not " + quoted(body));
        }
        JsonNode eventType = node.path("event_type");
        if (!eventType.isTextual() || !eventType.asText().equals(CHECKOUT_STATUS_CHANGED)) {
            throw new IllegalArgumentException("expected event_type " + CHECKOUT_STATUS_CHANGED + ", got "
                    + SumUpJson.shown(eventType));
        }
        JsonNode id = node.path("id");
        if (!id.isTextual()) {
            throw new IllegalArgumentException("a SumUp notification names its checkout as text in \"id\", got "
                    + SumUpJson.shown(id));
        }
        return new SumUpNotification(id.asText());
    }

    /**
     * What a receiver does with {@code body}: the notification; empty for another event type (one SumUp added
     * later, to acknowledge and ignore); {@link IllegalArgumentException} saying why when it is not a SumUp
     * notification at all.
     */
    public static Optional<SumUpNotification> read(String body) {
        try {
            JsonNode eventType = SumUpJson.JSON.readTree(body == null ? "" : body).path("event_type");
            if (eventType.isTextual() && !eventType.asText().equals(CHECKOUT_STATUS_CHANGED)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            // Not JSON: parse says so.
        }
        return Optional.of(parse(body));
    }

    private static String quoted(String body) {
        return body == null || body.isBlank() ? "an empty body" : "\"" + SumUpJson.quote(body) + "\"";
    }
}
