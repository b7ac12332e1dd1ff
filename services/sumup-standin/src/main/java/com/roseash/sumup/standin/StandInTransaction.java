package com.roseash.sumup.standin;

import java.math.BigDecimal;
import java.time.Instant;

/** A payment attempt on a checkout; immutable, replaced whole when refunded. */
record StandInTransaction(String id, String code, String status, BigDecimal amount, String currency, Instant timestamp,
                          BigDecimal refunded) {

    static final String SUCCESSFUL = "SUCCESSFUL";
    static final String FAILED = "FAILED";
    static final String REFUNDED = "REFUNDED";

    /** What is left to refund: nothing unless the payment went through. */
    BigDecimal refundable() {
        if (!status.equals(SUCCESSFUL) && !status.equals(REFUNDED)) {
            return BigDecimal.ZERO;
        }
        return amount.subtract(refunded);
    }

    StandInTransaction refund(BigDecimal more) {
        return new StandInTransaction(id, code, REFUNDED, amount, currency, timestamp, refunded.add(more));
    }
}
