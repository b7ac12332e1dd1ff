package com.roseash.blog.ghost;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.roseash.blog.menu.MenuRepository;
import com.roseash.blog.posts.EntryRepository;
import com.roseash.blog.posts.Kind;
import com.roseash.blog.testing.BlogDatabase;
import com.roseash.platform.db.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class GhostImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Database database;
    private GhostImporter importer;
    private final GhostExportParser parser = new GhostExportParser();

    @BeforeEach
    void database() {
        database = Database.connect(BlogDatabase.migrated());
        importer = new GhostImporter(database.client());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void importsPostsPagesTagsAuthorsAndTheMenu() throws IOException {
        ImportSummary summary = importer.importContent(parser.parse(demo()));

        assertThat(summary.entries()).isEqualTo(new ImportSummary.Counts(10, 0, 0));
        assertThat(summary.tags()).isEqualTo(new ImportSummary.Counts(4, 0, 0));
        assertThat(summary.authors()).isEqualTo(new ImportSummary.Counts(2, 0, 0));
        assertThat(summary.menuChanged()).isTrue();

        EntryRepository entries = new EntryRepository(database.client());
        assertThat(entries.publishedPosts(1, 100).total()).as("the draft is not published").isEqualTo(7);
        assertThat(entries.published(Kind.POST, "seed-swap-draft")).isEmpty();
        assertThat(entries.published(Kind.PAGE, "about")).get().satisfies(page -> assertThat(page.title()).isEqualTo("About"));
        assertThat(entries.published(Kind.POST, "winter-market-opens")).get().satisfies(post -> {
            assertThat(post.authorName()).isEqualTo("Idris Okafor");
            assertThat(post.tags()).extracting(t -> t.slug()).containsExactly("market", "events");
        });
        assertThat(new MenuRepository(database.client()).items())
                .extracting(i -> i.label()).containsExactly("Home", "About", "Contact");
    }

    @Test
    void aSecondImportOfTheSameExportChangesNothing() throws IOException {
        importer.importContent(parser.parse(demo()));
        String before = snapshot();

        ImportSummary again = importer.importContent(parser.parse(demo()));

        assertThat(again.changedAnything()).isFalse();
        assertThat(again.entries()).isEqualTo(new ImportSummary.Counts(0, 0, 10));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aChangedPostIsUpdatedInPlace() throws IOException {
        importer.importContent(parser.parse(demo()));
        ObjectNode export = demoJson();
        ((ObjectNode) posts(export).get(0)).put("title", "Welcome, neighbours");

        ImportSummary summary = importer.importContent(parser.parse(stream(export)));

        assertThat(summary.entries()).isEqualTo(new ImportSummary.Counts(0, 1, 9));
        assertThat(BlogDatabase.count(database, "SELECT count(*) FROM blog.entries")).isEqualTo(10);
        assertThat(new EntryRepository(database.client()).published(Kind.POST, "welcome-to-rose-ash"))
                .get().extracting(e -> e.title()).isEqualTo("Welcome, neighbours");
    }

    @Test
    void ghostHtmlIsSanitisedOnTheWayIn() throws IOException {
        ObjectNode export = demoJson();
        ((ObjectNode) posts(export).get(0)).put("html", "<p>hi</p><script>alert(1)</script><img src=x onerror=alert(1)>");

        importer.importContent(parser.parse(stream(export)));

        String html = new EntryRepository(database.client()).published(Kind.POST, "welcome-to-rose-ash").orElseThrow().html();
        assertThat(html).contains("<p>hi</p>").doesNotContain("script").doesNotContain("onerror");
    }

    @Test
    void aMalformedExportIsRejectedWholeBeforeTheImportWithEachProblemNamed() throws IOException {
        ObjectNode export = demoJson();
        ((ObjectNode) posts(export).get(3)).remove("slug");
        ((ObjectNode) posts(export).get(4)).put("published_at", "last tuesday");
        ((ObjectNode) ((ArrayNode) data(export).get("posts_tags")).get(0)).put("tag_id", "no-such-tag");

        // As the stack's first start does it: parse, then import. The parser refuses it whole, so no importer runs.
        Throwable failure = catchThrowable(() -> importer.importContent(parser.parse(stream(export))));

        assertThat(BlogDatabase.count(database, "SELECT count(*) FROM blog.entries")).as("not one good post imported").isZero();
        assertThat(failure).isInstanceOf(GhostImportException.class)
                .satisfies(e -> assertThat(((GhostImportException) e).problems()).contains(
                        "$.db[0].data.posts[3].slug: missing",
                        "$.db[0].data.posts[4].published_at: not a date: 'last tuesday'",
                        "$.db[0].data.posts_tags[0].tag_id: unknown tag 'no-such-tag'"));
    }

    @Test
    void anExportTheDatabaseRefusesHalfWayImportsNothing() throws IOException {
        // A well-formed export, but its last entry's address is held by one written in the editor here: the database
        // refuses it only after the import has written the authors, the tags and every entry before it.
        ObjectNode export = demoJson();
        ObjectNode last = (ObjectNode) posts(export).get(posts(export).size() - 1);
        String kind = last.path("type").asText("post");
        database.client().execute().dml("INSERT INTO blog.entries (kind, slug, title, html, status) VALUES (?, ?, ?, ?, 'draft')",
                kind, last.get("slug").asText(), "Written here", "<p>mine</p>");
        Map<String, Long> before = tableCounts();

        assertThatThrownBy(() -> importer.importContent(parser.parse(stream(export))))
                .isInstanceOf(GhostImportException.class)
                .hasMessageContaining("nothing was imported")
                .hasMessageContaining("entries_kind_slug_key");
        assertThat(tableCounts()).as("what the import wrote before the refusal is rolled back").isEqualTo(before);
        assertThat(before).containsEntry("blog.entries", 1L).containsEntry("blog.authors", 0L).containsEntry("blog.tags", 0L);
    }

    @Test
    void notAGhostExportAtAll() {
        assertThatThrownBy(() -> parser.parse(stream("{\"posts\": []}"))).hasMessageContaining("$.db: missing");
        assertThatThrownBy(() -> parser.parse(stream("{\"db\": [{\"data\": {\"posts\": \"many\"}}]}")))
                .hasMessageContaining("$.db[0].data.posts: must be an array");
        assertThatThrownBy(() -> parser.parse(stream("{\"db\": [ {\"data\": ")))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aConflictHalfWayThroughRollsBackEverything() throws IOException {
        // An author created here, not by Ghost, already has the slug the export's second author wants.
        database.client().execute().dml("INSERT INTO blog.authors (slug, name) VALUES ('idris', 'Someone Else')");

        assertThatThrownBy(() -> importer.importContent(parser.parse(demo())))
                .isInstanceOf(GhostImportException.class)
                .hasMessageContaining("nothing was imported")
                .hasMessageContaining("authors_slug_key");
        assertThat(BlogDatabase.count(database, "SELECT count(*) FROM blog.authors")).isEqualTo(1);
        assertThat(BlogDatabase.count(database, "SELECT count(*) FROM blog.tags")).isZero();
        assertThat(BlogDatabase.count(database, "SELECT count(*) FROM blog.entries")).isZero();
    }

    /** Rows per table the import writes. */
    private Map<String, Long> tableCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("blog.authors", "blog.tags", "blog.entries", "blog.entry_tags", "blog.menu_items")) {
            counts.put(table, BlogDatabase.count(database, "SELECT count(*) FROM " + table));
        }
        return counts;
    }

    private String snapshot() {
        return database.client().execute().query("""
                SELECT string_agg(e.ghost_id || e.slug || e.title || e.updated_at || e.html, '|' ORDER BY e.id) AS entries,
                       (SELECT string_agg(t.slug || t.updated_at, '|' ORDER BY t.id) FROM blog.tags t) AS tags,
                       (SELECT string_agg(et.entry_id || '-' || et.tag_id, '|' ORDER BY et.entry_id,
                               et.tag_id) FROM blog.entry_tags et) AS links,
                       (SELECT string_agg(m.id || m.label, '|' ORDER BY m.id) FROM blog.menu_items m) AS menu
                  FROM blog.entries e""")
                .map(row -> row.column("entries").getString() + row.column("tags").getString()
                        + row.column("links").getString() + row.column("menu").getString())
                .findFirst().orElseThrow();
    }

    private static InputStream demo() {
        return GhostImportTest.class.getResourceAsStream("/demo/ghost-demo.json");
    }

    private static ObjectNode demoJson() throws IOException {
        try (InputStream in = demo()) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static ObjectNode data(ObjectNode export) {
        return (ObjectNode) export.get("db").get(0).get("data");
    }

    private static ArrayNode posts(ObjectNode export) {
        return (ArrayNode) data(export).get("posts");
    }

    private static InputStream stream(Object json) throws IOException {
        String text = json instanceof String s ? s : JSON.writeValueAsString(json);
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

}
