package com.roseash.market;

import java.util.ArrayList;
import java.util.List;

import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.Setting;

/** The market's own keys, next to the platform's. */
public final class MarketSettings {

    public static final Setting PAGE_SIZE = Setting.of("rose-ash.market.page-size", "12",
            "Products per page on the market's home, category and search pages.");

    public static final Setting IMPORT_ALLOW_LOOPBACK = Setting.of("rose-ash.market.import.allow-loopback", "false",
            "Lets a product import fetch from this machine (the local stack, tests); private addresses stay refused.");
    public static final Setting IMPORT_TIMEOUT = Setting.of("rose-ash.market.import.timeout", "PT5S",
            "Longest a product import may take to fetch its page, redirects included.");

    private MarketSettings() {
    }

    public static List<Setting> all() {
        List<Setting> all = new ArrayList<>(PlatformSettings.all());
        all.addAll(own());
        return List.copyOf(all);
    }

    public static List<Setting> own() {
        return List.of(PAGE_SIZE, IMPORT_ALLOW_LOOPBACK, IMPORT_TIMEOUT);
    }
}
