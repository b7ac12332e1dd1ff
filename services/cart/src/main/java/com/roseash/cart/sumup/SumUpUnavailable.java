package com.roseash.cart.sumup;

/**
 * SumUp did not answer, or not as its API says (a 5xx, a redirect, a body that is not what was asked for).
 * Nothing is known to have changed at SumUp: the caller may try again, with the same checkout reference.
 */
public final class SumUpUnavailable extends RuntimeException {

    private final int status;

    /** @param status SumUp's HTTP status, or 0 when it did not answer at all */
    public SumUpUnavailable(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public SumUpUnavailable(String message, int status) {
        this(message, status, null);
    }

    /** SumUp's HTTP status, or 0 when it did not answer at all. */
    public int status() {
        return status;
    }
}
