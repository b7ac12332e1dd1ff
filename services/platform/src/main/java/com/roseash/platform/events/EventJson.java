package com.roseash.platform.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A domain event on the wire: the JSON a producer POSTs to a subscriber, with the payload as a nested object
 * (not a string holding JSON), so subscribers in any language read it directly.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    public static String write(DomainEvent event) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("id", event.id().toString())
                .put("type", event.type())
                .put("aggregateType", event.aggregateType())
                .put("aggregateId", event.aggregateId())
                .put("sequence", event.sequence())
                .put("occurredAt", event.occurredAt().toString())
                .put("producer", event.producer());
        json.set("payload", parse(event.payload(), "payload"));
        return json.toString();
    }

    /** Reads an event; {@link MalformedEventException} says what is wrong with it. */
    public static DomainEvent read(String body) {
        JsonNode json = parse(body, "event");
        if (!json.isObject()) {
            throw new MalformedEventException("The event is not a JSON object");
        }
        try {
            return new DomainEvent(UUID.fromString(text(json, "id")), text(json, "type"), text(json, "aggregateType"),
                    text(json, "aggregateId"), number(json, "sequence"), Instant.parse(text(json, "occurredAt")),
                    payload(json), text(json, "producer"));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("occurredAt is not an ISO-8601 instant");
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(e instanceof MalformedEventException ? e.getMessage()
                    : "Malformed event: " + e.getMessage());
        }
    }

    /** A payload record as JSON, for {@link DomainEvent#of}. */
    public static String payload(Record payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + payload.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The event's payload as {@code type}; {@link MalformedEventException} when it is not one (the route says 400). */
    public static <T extends Record> T payload(DomainEvent event, Class<T> type) {
        try {
            T read = MAPPER.readValue(event.payload(), type);
            if (read == null) {
                throw new MalformedEventException("The " + event.type() + " event has no payload");
            }
            return read;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("The " + event.type() + " payload is not a " + type.getSimpleName()
                    + ": " + e.getOriginalMessage());
        }
    }

    /** Checks that {@code payload} is a JSON document before it goes in the outbox. */
    static void requireJson(String payload) {
        parse(payload, "payload");
    }

    private static JsonNode parse(String text, String what) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new MalformedEventException("The " + what + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("The " + what + " is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException("The event has no " + field);
        }
        return value.asText();
    }

    private static long number(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new MalformedEventException("The event has no " + field);
        }
        return value.asLong();
    }

    private static String payload(JsonNode json) {
        JsonNode value = json.get("payload");
        if (value == null || value.isNull()) {
            throw new MalformedEventException("The event has no payload");
        }
        return value.toString();
    }
}
