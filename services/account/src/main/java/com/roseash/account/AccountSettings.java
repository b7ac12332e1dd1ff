package com.roseash.account;

import java.util.ArrayList;
import java.util.List;

import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.Setting;

/** The account service's own keys, next to the platform's. */
public final class AccountSettings {

    public static final Setting SEND_BATCH = Setting.of("rose-ash.account.newsletter.batch", "20",
            "Newsletter mails a sender claims at a time (and the most a crash leaves waiting for their lease).");
    public static final Setting SEND_INTERVAL = Setting.of("rose-ash.account.newsletter.send-interval", "PT2S",
            "How often each replica looks for newsletter mails to send.");
    public static final Setting SEND_LEASE = Setting.of("rose-ash.account.newsletter.lease", "PT2M",
            "How long a claimed batch is its sender's: after that, mails it did not mark sent (it died) are sent by another.");
    public static final Setting SEND_PACE = Setting.of("rose-ash.account.newsletter.pace", "PT0S",
            "Pause between two newsletter mails of one sender, for mail providers that limit how fast mail may come.");
    public static final Setting CONFIRM_TTL = Setting.of("rose-ash.account.newsletter.confirm-ttl", "P2D",
            "How long the link confirming a subscription works.");

    private AccountSettings() {
    }

    public static List<Setting> all() {
        List<Setting> all = new ArrayList<>(PlatformSettings.all());
        all.addAll(own());
        return List.copyOf(all);
    }

    public static List<Setting> own() {
        return List.of(SEND_BATCH, SEND_INTERVAL, SEND_LEASE, SEND_PACE, CONFIRM_TTL);
    }
}
