package com.roseash.platform.market;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.roseash.platform.money.Money;

/**
 * The market contract's JSON, written and read in one place by both sides ({@link MarketContract}). Money
 * travels as {@code priceMinor} and {@code currency}, never as a decimal number.
 */
public final class MarketJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MarketJson() {
    }

    public static String offers(List<Offer> offers) {
        ArrayNode array = JSON.createArrayNode();
        for (Offer offer : offers) {
            ObjectNode node = array.addObject().put("slug", offer.slug()).put("title", offer.title());
            money(node, offer.price());
            node.put("unlimited", offer.unlimited()).put("stock", offer.stock());
        }
        return array.toString();
    }

    public static List<Offer> readOffers(String json) {
        List<Offer> offers = new ArrayList<>();
        for (JsonNode node : tree(json)) {
            offers.add(new Offer(node.path("slug").asText(), node.path("title").asText(), readMoney(node),
                    node.path("unlimited").asBoolean(), node.path("stock").asInt()));
        }
        return List.copyOf(offers);
    }

    public static String request(ReservationRequest request) {
        ObjectNode node = JSON.createObjectNode().put("orderId", request.orderId());
        ArrayNode lines = node.putArray("lines");
        request.quantities().forEach((slug, quantity) -> lines.addObject().put("slug", slug).put("quantity", quantity));
        return node.toString();
    }

    /** The request a caller sent; {@link IllegalArgumentException} naming the problem when it is not one. */
    public static ReservationRequest readRequest(String json) {
        JsonNode node = tree(json);
        JsonNode lines = node.path("lines");
        if (!node.path("orderId").isTextual() || !lines.isArray()) {
            throw new IllegalArgumentException("a reservation is {\"orderId\": \"...\", \"lines\": [{\"slug\": \"...\", "
                    + "\"quantity\": 1}]}");
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (JsonNode line : lines) {
            JsonNode quantity = line.path("quantity");
            if (!line.path("slug").isTextual() || !quantity.isIntegralNumber() || !quantity.canConvertToInt()) {
                throw new IllegalArgumentException("each line needs a \"slug\" and a whole \"quantity\"");
            }
            if (quantities.put(line.path("slug").asText(), line.path("quantity").asInt()) != null) {
                throw new IllegalArgumentException(line.path("slug").asText() + " is on the order twice");
            }
        }
        return new ReservationRequest(node.path("orderId").asText(), quantities);
    }

    public static String reservation(Reservation reservation) {
        ObjectNode node = JSON.createObjectNode();
        switch (reservation) {
            case Reservation.Held held -> {
                node.put("held", true).put("orderId", held.orderId());
                ArrayNode lines = node.putArray("lines");
                for (OrderLine line : held.lines()) {
                    ObjectNode each = lines.addObject().put("slug", line.slug()).put("title", line.title());
                    money(each.put("quantity", line.quantity()), line.unitPrice());
                }
            }
            case Reservation.Refused refused ->
                    node.put("held", false).put("slug", refused.slug()).put("reason", refused.reason());
        }
        return node.toString();
    }

    public static Reservation readReservation(String json) {
        JsonNode node = tree(json);
        if (!node.path("held").asBoolean()) {
            return new Reservation.Refused(node.path("slug").asText(), node.path("reason").asText());
        }
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode line : node.path("lines")) {
            lines.add(new OrderLine(line.path("slug").asText(), line.path("title").asText(), line.path("quantity").asInt(),
                    readMoney(line)));
        }
        return new Reservation.Held(node.path("orderId").asText(), List.copyOf(lines));
    }

    private static void money(ObjectNode node, Money money) {
        node.put("priceMinor", money.minorUnits()).put("currency", money.currency().getCurrencyCode());
    }

    private static Money readMoney(JsonNode node) {
        return Money.ofMinor(node.path("priceMinor").asLong(), node.path("currency").asText());
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
    }
}
