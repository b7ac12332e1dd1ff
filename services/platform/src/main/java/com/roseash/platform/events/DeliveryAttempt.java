package com.roseash.platform.events;

/** How one delivery of one event to one subscriber went: acknowledged (a 2xx), or the reason it was not. */
record DeliveryAttempt(boolean acknowledged, String error) {

    static DeliveryAttempt ok() {
        return new DeliveryAttempt(true, null);
    }

    static DeliveryAttempt failed(String error) {
        return new DeliveryAttempt(false, error.length() > 1000 ? error.substring(0, 1000) : error);
    }
}
