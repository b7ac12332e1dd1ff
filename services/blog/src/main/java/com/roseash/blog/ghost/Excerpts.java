package com.roseash.blog.ghost;

/** A plain-text excerpt from sanitised HTML, for lists and the feed when the author gave none. */
final class Excerpts {

    private static final int LENGTH = 220;

    private Excerpts() {
    }

    static String fromHtml(String html) {
        String text = html.replaceAll("<[^>]*>", " ")
                .replace("&nbsp;", " ").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
        if (text.length() <= LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', LENGTH);
        return text.substring(0, cut > 0 ? cut : LENGTH) + "…";
    }
}
