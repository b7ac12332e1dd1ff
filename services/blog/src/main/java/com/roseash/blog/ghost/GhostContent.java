package com.roseash.blog.ghost;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.roseash.blog.menu.MenuItem;

/**
 * Content read from Ghost, by export file or Content API, before it is imported. Ghost ids are kept so
 * that importing the same content again updates rows instead of duplicating them.
 */
public record GhostContent(List<Author> authors, List<Tag> tags, List<Entry> entries, Optional<List<MenuItem>> navigation) {

    public record Author(String ghostId, String slug, String name) {
    }

    public record Tag(String ghostId, String slug, String name, String description) {
    }

    /**
     * @param kind   "post" or "page"
     * @param status "published" or "draft" (Ghost's scheduled and email-only posts import as drafts)
     * @param html   Ghost's HTML, not yet sanitised
     */
    public record Entry(String ghostId, String kind, String slug, String title, String html, String excerpt,
                        String featureImage, String status, Instant publishedAt, Instant createdAt, Instant updatedAt,
                        Optional<String> authorGhostId, List<String> tagGhostIds) {
    }
}
