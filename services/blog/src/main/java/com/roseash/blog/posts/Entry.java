package com.roseash.blog.posts;

import java.time.Instant;
import java.util.List;

/** A published post or page with its sanitised HTML body. */
public record Entry(Kind kind, String slug, String title, String html, String excerpt, String featureImage,
                    Instant publishedAt, Instant updatedAt, String authorName, List<TagRef> tags) {

    /** The same entry with another body: what a reader is shown of the stored one (product cards in place). */
    public Entry withHtml(String shown) {
        return new Entry(kind, slug, title, shown, excerpt, featureImage, publishedAt, updatedAt, authorName, tags);
    }
}
