package com.roseash.blog.editor;

import java.util.List;

/** A post or page as the editor sees it: drafts included, with its Markdown source. */
public record EditableEntry(long id, String kind, String slug, String title, String markdown, String html, String excerpt,
                            String status, List<String> tags) {

    public boolean published() {
        return "published".equals(status);
    }

    public boolean post() {
        return "post".equals(kind);
    }

    public String tagList() {
        return String.join(", ", tags);
    }
}
