package com.roseash.blog.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.roseash.platform.web.Slugs;
import io.helidon.common.parameters.Parameters;

/** What the editor form sent, checked field by field. */
public record EntryDraft(String kind, String title, String slug, String markdown, String excerpt, List<String> tags) {

    public static EntryDraft from(Parameters form, String kind) {
        String title = form.first("title").orElse("").strip();
        String slug = form.first("slug").orElse("").strip();
        List<String> tags = new ArrayList<>(new LinkedHashSet<>(List.of(form.first("tags").orElse("").split(","))
                .stream().map(String::strip).filter(t -> !t.isEmpty()).toList()));
        return new EntryDraft(kind, title, slug.isEmpty() ? Slugs.slugify(title) : slug,
                form.first("markdown").orElse(""), form.first("excerpt").orElse("").strip(), tags);
    }

    /** The tags as the form shows them. */
    public String tagList() {
        return String.join(", ", tags);
    }

    /** Field name to what is wrong with it; empty when the draft can be saved. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title.isEmpty() || title.length() > 200) {
            problems.put("title", "A title of 1 to 200 characters is needed.");
        }
        if (!Slugs.isValid(slug)) {
            problems.put("slug", "The address may hold lowercase letters, digits and single dashes only.");
        }
        if (markdown.length() > 200_000) {
            problems.put("markdown", "The text is longer than 200,000 characters.");
        }
        if (tags.size() > 20 || tags.stream().anyMatch(t -> t.length() > 60)) {
            problems.put("tags", "Up to 20 tags of up to 60 characters.");
        }
        return problems;
    }
}
