package com.roseash.cart.sumup;

import java.math.BigDecimal;

/**
 * A payment attempt on a checkout, as SumUp lists it.
 *
 * @param id       what a refund names
 * @param code     the transaction code on receipts and in SumUp's dashboard; null when SumUp gives none
 * @param status   SumUp's transaction status as sent: SUCCESSFUL, FAILED, PENDING, CANCELLED, REFUNDED, or one
 *                 added later (kept as text so a new one never breaks reading a checkout)
 * @param amount   in major units, exactly as SumUp wrote it
 * @param currency ISO 4217 code
 */
public record Transaction(String id, String code, String status, BigDecimal amount, String currency) {

    public static final String SUCCESSFUL = "SUCCESSFUL";

    public boolean successful() {
        return SUCCESSFUL.equals(status);
    }
}
