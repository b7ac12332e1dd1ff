package com.roseash.cart;

import java.util.ArrayList;
import java.util.List;

import com.roseash.contract.RuntimeKeys;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.Setting;

/** The cart's own keys, next to the platform's: SumUp, and how orders left unpaid are settled. */
public final class CartSettings {

    public static final Setting SUMUP_API_URL = Setting.of(RuntimeKeys.SUMUP_API_URL, "https://api.sumup.com",
            "SumUp's API. The local stack points it at its stand-in.");
    public static final Setting SUMUP_API_KEY = Setting.secret(RuntimeKeys.SUMUP_API_KEY,
            "The merchant's secret SumUp API key (sup_sk_...). Without it (and a merchant code) checkout is refused "
                    + "with a message saying payments are not set up.");
    public static final Setting SUMUP_MERCHANT_CODE = Setting.of(RuntimeKeys.SUMUP_MERCHANT_CODE, "",
            "The SumUp merchant every checkout pays.");
    public static final Setting SUMUP_TIMEOUT = Setting.of("rose-ash.sumup.timeout", "PT10S",
            "Longest a call to SumUp may take.");
    public static final Setting MARKET_TIMEOUT = Setting.of("rose-ash.cart.market-timeout", "PT3S",
            "Longest a call to the market's internal API (prices, stock) may take.");
    public static final Setting PAYMENT_WINDOW = Setting.of("rose-ash.cart.payment-window", "PT35M",
            "How long an order waits for its payment before it expires and its stock goes back: SumUp's hosted "
                    + "checkout lasts 30 minutes, and a payment made in its last moment needs a few more to arrive.");
    public static final Setting SETTLE_INTERVAL = Setting.of("rose-ash.cart.settle-interval", "PT1M",
            "How often unpaid orders are checked with SumUp (a missed notification), expired, and stock left held "
                    + "by ended orders is given back.");

    private CartSettings() {
    }

    public static List<Setting> all() {
        List<Setting> all = new ArrayList<>(PlatformSettings.all());
        all.addAll(own());
        return List.copyOf(all);
    }

    public static List<Setting> own() {
        return List.of(SUMUP_API_URL, SUMUP_API_KEY, SUMUP_MERCHANT_CODE, SUMUP_TIMEOUT, MARKET_TIMEOUT, PAYMENT_WINDOW,
                SETTLE_INTERVAL);
    }
}
