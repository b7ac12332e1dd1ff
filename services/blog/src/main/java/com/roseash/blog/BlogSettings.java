package com.roseash.blog;

import java.util.ArrayList;
import java.util.List;

import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.Setting;

/** The blog's own keys, next to the platform's. */
public final class BlogSettings {

    public static final Setting PAGE_SIZE = Setting.of("rose-ash.blog.page-size", "5",
            "Posts per page on the home and tag pages.");
    public static final Setting FEED_SIZE = Setting.of("rose-ash.blog.feed-size", "20",
            "Posts in the Atom feed.");

    private BlogSettings() {
    }

    public static List<Setting> all() {
        List<Setting> all = new ArrayList<>(PlatformSettings.all());
        all.add(PAGE_SIZE);
        all.add(FEED_SIZE);
        return List.copyOf(all);
    }

    public static List<Setting> own() {
        return List.of(PAGE_SIZE, FEED_SIZE);
    }
}
