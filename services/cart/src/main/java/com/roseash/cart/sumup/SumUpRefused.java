package com.roseash.cart.sumup;

/**
 * SumUp answered, and said no (a 4xx: a wrong key, an unknown checkout, an amount it will not take). Asking again
 * the same way will not help.
 */
public final class SumUpRefused extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final String errorMessage;

    /**
     * @param errorCode    SumUp's {@code error_code} (or a problem's {@code title}); null when it sent none
     * @param errorMessage SumUp's {@code message}, {@code error_message} or {@code detail}; null when it sent none
     */
    public SumUpRefused(String request, int status, String errorCode, String errorMessage) {
        super("SumUp refused " + request + ": " + status + (errorCode == null ? "" : " " + errorCode)
                + (errorMessage == null ? "" : ": " + errorMessage));
        this.status = status;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }
}
