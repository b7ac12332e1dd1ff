package com.roseash.platform.market;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.roseash.platform.web.Slugs;

/**
 * "Hold these for order X": checked when made, so a bad request is refused naming what is wrong.
 *
 * @param quantities slug to how many, each slug once
 */
public record ReservationRequest(String orderId, Map<String, Integer> quantities) {

    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    /** What an order id may be, for people. */
    public static final String ORDER_ID_RULE = "orderId must be 1 to 100 letters, digits, '-' or '_'";

    public ReservationRequest {
        if (!isOrderId(orderId)) {
            throw new IllegalArgumentException(ORDER_ID_RULE);
        }
        if (quantities == null || quantities.isEmpty() || quantities.size() > MarketContract.MAX_LINES) {
            throw new IllegalArgumentException("an order holds 1 to " + MarketContract.MAX_LINES + " products");
        }
        for (Map.Entry<String, Integer> line : quantities.entrySet()) {
            if (!Slugs.isValid(line.getKey())) {
                throw new IllegalArgumentException("\"" + line.getKey() + "\" is not a product's slug");
            }
            if (line.getValue() == null || line.getValue() < 1 || line.getValue() > MarketContract.MAX_QUANTITY) {
                throw new IllegalArgumentException("the quantity of " + line.getKey() + " must be 1 to "
                        + MarketContract.MAX_QUANTITY);
            }
        }
        quantities = Map.copyOf(new LinkedHashMap<>(quantities));
    }

    public static boolean isOrderId(String orderId) {
        return orderId != null && ORDER_ID.matcher(orderId).matches();
    }
}
