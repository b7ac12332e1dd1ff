package com.roseash.platform.market;

/** The market did not answer, or not as the contract says: the caller shows "try again" and changes nothing. */
public final class MarketUnavailable extends RuntimeException {

    public MarketUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public MarketUnavailable(String message) {
        super(message);
    }
}
