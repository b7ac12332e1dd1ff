package com.roseash.events;

import java.util.ArrayList;
import java.util.List;

import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.Setting;

/** The events service's own keys, next to the platform's. */
public final class EventsSettings {

    public static final Setting MAIL_INTERVAL = Setting.of("rose-ash.events.mail-interval", "PT15S",
            "How often events mails issued tickets and bookings whose mail has not gone out (the server was down, or "
                    + "tickets were just issued).");

    private EventsSettings() {
    }

    public static List<Setting> all() {
        List<Setting> all = new ArrayList<>(PlatformSettings.all());
        all.addAll(own());
        return List.copyOf(all);
    }

    public static List<Setting> own() {
        return List.of(MAIL_INTERVAL);
    }
}
