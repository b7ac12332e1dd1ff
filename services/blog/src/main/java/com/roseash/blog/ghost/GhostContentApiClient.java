package com.roseash.blog.ghost;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a Ghost site through its Content API ({@code /ghost/api/content/}: posts, pages and tags, with
 * tags and authors included, following {@code meta.pagination}) into the same {@link GhostContent} an
 * export gives, so sync and import share one importer. Everything is fetched before anything is
 * written: a failure half-way imports nothing.
 */
public final class GhostContentApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE_SIZE = 50;

    private final URI site;
    private final String key;
    private final HttpClient http;

    public GhostContentApiClient(URI site, String key) {
        this.site = site;
        this.key = key;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public GhostContent fetchAll() {
        Map<String, GhostContent.Author> authors = new LinkedHashMap<>();
        Map<String, GhostContent.Tag> tags = new LinkedHashMap<>();
        for (JsonNode tag : fetchList("tags", "")) {
            tags.put(tag.path("id").asText(), tag(tag));
        }
        List<GhostContent.Entry> entries = new ArrayList<>();
        for (String kind : List.of("posts", "pages")) {
            for (JsonNode item : fetchList(kind, "&include=tags,authors&formats=html")) {
                List<String> tagIds = new ArrayList<>();
                for (JsonNode tag : item.path("tags")) {
                    tags.putIfAbsent(tag.path("id").asText(), tag(tag));
                    tagIds.add(tag.path("id").asText());
                }
                Optional<String> authorId = Optional.empty();
                for (JsonNode author : item.path("authors")) {
                    String id = author.path("id").asText();
                    authors.putIfAbsent(id, new GhostContent.Author(id, author.path("slug").asText(),
                            author.path("name").asText()));
                    authorId = authorId.or(() -> Optional.of(id));
                }
                entries.add(entry(kind.equals("posts") ? "post" : "page", item, authorId, tagIds));
            }
        }
        return new GhostContent(List.copyOf(authors.values()), List.copyOf(tags.values()), entries, Optional.empty());
    }

    private List<JsonNode> fetchList(String resource, String extra) {
        List<JsonNode> items = new ArrayList<>();
        int page = 1;
        while (true) {
            URI uri = site.resolve("ghost/api/content/" + resource + "/?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                    + "&limit=" + PAGE_SIZE + "&page=" + page + extra);
            JsonNode body = get(uri, resource);
            JsonNode list = body.path(resource);
            if (!list.isArray()) {
                throw new GhostImportException("Ghost's " + resource + " response has no \"" + resource + "\" array", null);
            }
            list.forEach(items::add);
            JsonNode next = body.path("meta").path("pagination").path("next");
            if (next.isNull() || next.isMissingNode() || !next.canConvertToInt()) {
                return items;
            }
            int nextPage = next.asInt();
            if (nextPage <= page) {
                throw new GhostImportException("Ghost's pagination for " + resource + " does not advance (page "
                        + page + " says next is " + nextPage + ")", null);
            }
            page = nextPage;
        }
    }

    private JsonNode get(URI uri, String resource) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Accept-Version", "v5.0").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GhostImportException("Ghost site " + site + " could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GhostImportException("interrupted while reading from Ghost", e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new GhostImportException("Ghost refused the Content API key (HTTP " + response.statusCode() + ")"
                    + ghostError(response.body()), null);
        }
        if (response.statusCode() != 200) {
            throw new GhostImportException("Ghost answered HTTP " + response.statusCode() + " for " + resource
                    + ghostError(response.body()), null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new GhostImportException("Ghost's " + resource + " response is not JSON", e);
        }
    }

    /** Ghost's documented error body: {"errors":[{"message":"...","type":"..."}]}. */
    private static String ghostError(String body) {
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                return ": " + errors.get(0).path("message").asText();
            }
        } catch (IOException | RuntimeException ignored) {
            // Not Ghost's error format; the status code says enough.
        }
        return "";
    }

    private static GhostContent.Tag tag(JsonNode tag) {
        return new GhostContent.Tag(tag.path("id").asText(), tag.path("slug").asText(), tag.path("name").asText(),
                tag.path("description").asText(""));
    }

    private static GhostContent.Entry entry(String kind, JsonNode item, Optional<String> authorId, List<String> tagIds) {
        Instant published = date(item, "published_at");
        Instant created = Optional.ofNullable(date(item, "created_at")).orElse(published);
        Instant updated = Optional.ofNullable(date(item, "updated_at")).orElse(created);
        // The Content API serves published content only.
        return new GhostContent.Entry(item.path("id").asText(), kind, item.path("slug").asText(), item.path("title").asText(),
                item.path("html").asText(""), item.path("custom_excerpt").asText(""),
                item.path("feature_image").isTextual() ? item.path("feature_image").asText() : null,
                "published", published, created, updated, authorId, tagIds);
    }

    private static Instant date(JsonNode item, String field) {
        JsonNode value = item.path(field);
        return value.isTextual() ? OffsetDateTime.parse(value.asText()).toInstant() : null;
    }
}
