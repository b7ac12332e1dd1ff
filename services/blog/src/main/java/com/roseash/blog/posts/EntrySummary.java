package com.roseash.blog.posts;

import java.time.Instant;
import java.util.List;

/** A post in a list: everything but the body. */
public record EntrySummary(String slug, String title, String excerpt, Instant publishedAt, String authorName,
                           List<TagRef> tags) {
}
