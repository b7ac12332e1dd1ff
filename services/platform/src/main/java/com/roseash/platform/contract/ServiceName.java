package com.roseash.platform.contract;

import java.util.Locale;

/** The six services of the platform, in the order their migrations run. */
public enum ServiceName {
    BLOG, MARKET, CART, EVENTS, FEDERATION, ACCOUNT;

    /** The lowercase id used in hosts, schemas, image names and configuration keys. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ServiceName fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
