package com.roseash.platform.web;

/** A page's title and its {@code #content} HTML: what the page cache keeps. */
public record RenderedContent(String title, String html) {

    private static final char SEPARATOR = '\u0000';

    String serialize() {
        return title + SEPARATOR + html;
    }

    static RenderedContent deserialize(String stored) {
        int at = stored.indexOf(SEPARATOR);
        return at < 0 ? new RenderedContent("", stored) : new RenderedContent(stored.substring(0, at), stored.substring(at + 1));
    }
}
