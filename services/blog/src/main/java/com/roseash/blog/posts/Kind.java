package com.roseash.blog.posts;

import java.util.Locale;

/** Posts appear in lists and feeds; pages (About, Contact) only at their own URL and in the menu. */
public enum Kind {
    POST, PAGE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
