package com.roseash.blog.posts;

import java.time.Instant;
import java.util.List;

/** A published post or page with its sanitised HTML body. */
public record Entry(Kind kind, String slug, String title, String html, String excerpt, String featureImage,
                    Instant publishedAt, Instant updatedAt, String authorName, List<TagRef> tags) {
}
