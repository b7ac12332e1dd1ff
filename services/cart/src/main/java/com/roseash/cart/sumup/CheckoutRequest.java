package com.roseash.cart.sumup;

import java.net.URI;
import java.util.Objects;

import com.roseash.platform.money.Money;

/**
 * What to ask SumUp to collect.
 *
 * @param reference   ours, unique per payment attempt (SumUp answers 409 DUPLICATED_CHECKOUT to a second one);
 *                    at most 64 characters, SumUp's limit
 * @param amount      what the payer is charged; sent in major units, exactly
 * @param description shown in SumUp's dashboard; may be null
 * @param returnUrl   where SumUp POSTs CHECKOUT_STATUS_CHANGED (server to server); may be null
 * @param redirectUrl where the payer's browser goes back after paying (hosted page, 3-D Secure); may be null
 */
public record CheckoutRequest(String reference, Money amount, String description, URI returnUrl, URI redirectUrl) {

    /** SumUp's CheckoutCreateRequest: checkout_reference "maxLength 64". */
    public static final int REFERENCE_MAX = 64;

    public CheckoutRequest {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        if (reference.isBlank() || reference.length() > REFERENCE_MAX) {
            throw new IllegalArgumentException("a checkout reference has 1 to " + REFERENCE_MAX + " characters: \""
                    + reference + "\"");
        }
        if (amount.minorUnits() <= 0) {
            throw new IllegalArgumentException("a checkout collects more than nothing, not " + amount);
        }
    }
}
