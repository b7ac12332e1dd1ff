package com.roseash.blog.ghost;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roseash.blog.menu.MenuItem;
import com.roseash.platform.web.Html;
import com.roseash.platform.web.Slugs;

/**
 * Reads a Ghost JSON export ({@code {"db":[{"meta":{...},"data":{"posts":[...],"tags":[...],"users":[...],
 * "posts_tags":[...],"posts_authors":[...],"settings":[...]}}]}}), checking everything before anything is
 * written: a bad export is rejected whole, with each problem named by its JSON path.
 */
public final class GhostExportParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STATUSES = Set.of("published", "draft", "scheduled", "sent");

    public GhostContent parse(InputStream export) {
        JsonNode root;
        try {
            root = JSON.readTree(export);
        } catch (JsonProcessingException e) {
            throw new GhostImportException("not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")", e);
        } catch (IOException e) {
            throw new GhostImportException("could not be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new GhostImportException(List.of("$: must be a JSON object with a \"db\" array"));
        }
        GhostJson json = new GhostJson();
        String path;
        JsonNode data;
        if (root.has("db")) {
            List<JsonNode> dbs = json.array(root, "db", "$", true);
            if (dbs.isEmpty() || !dbs.getFirst().has("data")) {
                throw new GhostImportException(List.of("$.db[0].data: missing"));
            }
            data = dbs.getFirst().get("data");
            path = "$.db[0].data";
        } else if (root.has("data")) {
            data = root.get("data");
            path = "$.data";
        } else {
            throw new GhostImportException(List.of("$.db: missing (is this a Ghost export?)"));
        }

        Map<String, GhostContent.Author> authors = new LinkedHashMap<>();
        List<JsonNode> users = json.array(data, "users", path, false);
        for (int i = 0; i < users.size(); i++) {
            String at = path + ".users[" + i + "]";
            JsonNode user = users.get(i);
            String id = json.requiredText(user, "id", at);
            authors.put(id, new GhostContent.Author(id, slug(json, user, at), json.requiredText(user, "name", at)));
        }
        Map<String, GhostContent.Tag> tags = new LinkedHashMap<>();
        List<JsonNode> tagNodes = json.array(data, "tags", path, false);
        for (int i = 0; i < tagNodes.size(); i++) {
            String at = path + ".tags[" + i + "]";
            JsonNode tag = tagNodes.get(i);
            String id = json.requiredText(tag, "id", at);
            tags.put(id, new GhostContent.Tag(id, slug(json, tag, at), json.requiredText(tag, "name", at),
                    json.optionalText(tag, "description", at)));
        }

        Map<String, List<String>> tagsOfPost = new HashMap<>();
        List<JsonNode> postsTags = json.array(data, "posts_tags", path, false);
        Map<String, String> authorOfPost = new HashMap<>();
        List<JsonNode> postsAuthors = json.array(data, "posts_authors", path, false);
        List<JsonNode> posts = json.array(data, "posts", path, true);
        Set<String> postIds = new HashSet<>();
        for (JsonNode post : posts) {
            if (post.hasNonNull("id")) {
                postIds.add(post.get("id").asText());
            }
        }
        for (int i = 0; i < postsTags.size(); i++) {
            String at = path + ".posts_tags[" + i + "]";
            String postId = json.requiredText(postsTags.get(i), "post_id", at);
            String tagId = json.requiredText(postsTags.get(i), "tag_id", at);
            if (!postId.isEmpty() && !postIds.contains(postId)) {
                json.problem(at + ".post_id", "unknown post '" + postId + "'");
            }
            if (!tagId.isEmpty() && !tags.containsKey(tagId)) {
                json.problem(at + ".tag_id", "unknown tag '" + tagId + "'");
            }
            tagsOfPost.computeIfAbsent(postId, k -> new ArrayList<>()).add(tagId);
        }
        for (int i = 0; i < postsAuthors.size(); i++) {
            String at = path + ".posts_authors[" + i + "]";
            String postId = json.requiredText(postsAuthors.get(i), "post_id", at);
            String authorId = json.requiredText(postsAuthors.get(i), "author_id", at);
            if (!authorId.isEmpty() && !authors.containsKey(authorId)) {
                json.problem(at + ".author_id", "unknown author '" + authorId + "'");
            }
            // Ghost lists authors in order; the first is the primary author.
            authorOfPost.putIfAbsent(postId, authorId);
        }

        List<GhostContent.Entry> entries = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (int i = 0; i < posts.size(); i++) {
            String at = path + ".posts[" + i + "]";
            JsonNode post = posts.get(i);
            String id = json.requiredText(post, "id", at);
            String title = json.requiredText(post, "title", at);
            String slug = slug(json, post, at);
            String kind = post.hasNonNull("type") ? post.get("type").asText() : "post";
            if (!kind.equals("post") && !kind.equals("page")) {
                json.problem(at + ".type", "must be post or page, got '" + kind + "'");
            }
            if (!slug.isEmpty() && !slugs.add(kind + "/" + slug)) {
                json.problem(at + ".slug", "another " + kind + " already has slug '" + slug + "'");
            }
            String status = json.requiredText(post, "status", at);
            if (!status.isEmpty() && !STATUSES.contains(status)) {
                json.problem(at + ".status", "unknown status '" + status + "'");
            }
            Optional<Instant> publishedAt = json.optionalDate(post, "published_at", at);
            if (status.equals("published") && publishedAt.isEmpty() && post.path("published_at").isNull()) {
                json.problem(at + ".published_at", "missing for a published " + kind);
            }
            Instant created = json.optionalDate(post, "created_at", at).orElse(publishedAt.orElse(Instant.EPOCH));
            Instant updated = json.optionalDate(post, "updated_at", at).orElse(created);
            String html = json.optionalText(post, "html", at);
            if (html.isEmpty()) {
                html = paragraphs(json.optionalText(post, "plaintext", at));
            }
            Optional<String> author = Optional.ofNullable(authorOfPost.get(id))
                    .or(() -> Optional.of(json.optionalText(post, "author_id", at)).filter(a -> !a.isEmpty()));
            if (author.isPresent() && !authors.containsKey(author.get())) {
                json.problem(at + ".author_id", "unknown author '" + author.get() + "'");
            }
            entries.add(new GhostContent.Entry(id, kind, slug, title, html, json.optionalText(post, "custom_excerpt", at),
                    blankToNull(json.optionalText(post, "feature_image", at)),
                    status.equals("published") ? "published" : "draft",
                    publishedAt.orElse(null), created, updated, author, List.copyOf(tagsOfPost.getOrDefault(id, List.of()))));
        }

        Optional<List<MenuItem>> navigation = navigation(json, data, path);
        if (!json.problems().isEmpty()) {
            throw new GhostImportException(json.problems());
        }
        return new GhostContent(List.copyOf(authors.values()), List.copyOf(tags.values()), List.copyOf(entries), navigation);
    }

    private static Optional<List<MenuItem>> navigation(GhostJson json, JsonNode data, String path) {
        List<JsonNode> settings = json.array(data, "settings", path, false);
        for (int i = 0; i < settings.size(); i++) {
            JsonNode setting = settings.get(i);
            if ("navigation".equals(setting.path("key").asText())) {
                String at = path + ".settings[" + i + "].value";
                try {
                    JsonNode items = JSON.readTree(setting.path("value").asText("[]"));
                    List<MenuItem> menu = new ArrayList<>();
                    for (int j = 0; j < items.size(); j++) {
                        JsonNode item = items.get(j);
                        menu.add(new MenuItem(json.requiredText(item, "label", at + "[" + j + "]"),
                                json.requiredText(item, "url", at + "[" + j + "]")));
                    }
                    return Optional.of(List.copyOf(menu));
                } catch (JsonProcessingException e) {
                    json.problem(at, "navigation is not a JSON list");
                }
            }
        }
        return Optional.empty();
    }

    private static String slug(GhostJson json, JsonNode node, String at) {
        String slug = json.requiredText(node, "slug", at);
        if (!slug.isEmpty() && !Slugs.isValid(slug)) {
            json.problem(at + ".slug", "'" + slug + "' is not a valid slug (lowercase letters, digits, dashes)");
        }
        return slug;
    }

    private static String paragraphs(String plaintext) {
        if (plaintext.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : plaintext.split("\\n\\s*\\n")) {
            html.append("<p>").append(Html.escape(paragraph.strip())).append("</p>");
        }
        return html.toString();
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
