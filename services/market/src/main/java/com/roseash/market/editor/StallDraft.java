package com.roseash.market.editor;

import java.util.LinkedHashMap;
import java.util.Map;

import com.roseash.platform.web.Slugs;
import io.helidon.common.parameters.Parameters;

/**
 * What the stall form sent: who sells (a member, by their federation account, or a group of members, by name).
 *
 * @param ownerKind "member" or "group"
 */
public record StallDraft(String name, String slug, String description, String ownerKind, String owner) {

    public static StallDraft from(Parameters form) {
        String name = form.first("name").orElse("").strip();
        String slug = form.first("slug").orElse("").strip();
        return new StallDraft(name, slug.isEmpty() ? Slugs.slugify(name) : slug, form.first("description").orElse("").strip(),
                form.first("ownerKind").orElse("member").strip(), form.first("owner").orElse("").strip());
    }

    public boolean isGroup() {
        return "group".equals(ownerKind);
    }

    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name.isEmpty() || name.length() > 120) {
            problems.put("name", "A name of 1 to 120 characters is needed.");
        }
        if (!Slugs.isValid(slug)) {
            problems.put("slug", "The address may hold lowercase letters, digits and single dashes only.");
        }
        if (!ownerKind.equals("member") && !ownerKind.equals("group")) {
            problems.put("ownerKind", "A stall belongs to a member or a group.");
        }
        if (owner.isEmpty() || owner.length() > 200) {
            problems.put("owner", "Name the member or group that sells here.");
        }
        if (description.length() > 2000) {
            problems.put("description", "The description is longer than 2,000 characters.");
        }
        return problems;
    }
}
