package com.roseash.blog.posts;

import java.util.List;
import java.util.Optional;

import com.roseash.platform.db.Columns;
import com.roseash.platform.web.PageOf;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/** What readers see: published posts and pages only. Drafts never leave this class. */
public final class EntryRepository {

    private static final String TAGS = """
            (SELECT string_agg(t.slug || E'\\t' || t.name, E'\\n' ORDER BY et.position, t.name)
               FROM blog.entry_tags et JOIN blog.tags t ON t.id = et.tag_id WHERE et.entry_id = e.id) AS tags""";
    private static final String SUMMARY_COLUMNS = "e.slug, e.title, e.excerpt, e.published_at, a.name AS author_name, " + TAGS;
    private static final String PUBLISHED_POSTS = """
             FROM blog.entries e LEFT JOIN blog.authors a ON a.id = e.author_id
            WHERE e.kind = 'post' AND e.status = 'published'""";

    private final DbClient db;

    public EntryRepository(DbClient db) {
        this.db = db;
    }

    public PageOf<EntrySummary> publishedPosts(int page, int size) {
        long total = db.execute().get("SELECT count(*) AS n" + PUBLISHED_POSTS)
                .map(row -> row.column("n").getLong()).orElse(0L);
        List<EntrySummary> items = db.execute()
                .query("SELECT " + SUMMARY_COLUMNS + PUBLISHED_POSTS
                        + " ORDER BY e.published_at DESC, e.id DESC LIMIT ? OFFSET ?", size, offset(page, size))
                .map(EntryRepository::summary).toList();
        return new PageOf<>(items, page, size, total);
    }

    public PageOf<EntrySummary> publishedPostsTagged(String tagSlug, int page, int size) {
        String tagged = PUBLISHED_POSTS + """
                 AND EXISTS (SELECT 1 FROM blog.entry_tags et JOIN blog.tags t ON t.id = et.tag_id
                             WHERE et.entry_id = e.id AND t.slug = ?)""";
        long total = db.execute().get("SELECT count(*) AS n" + tagged, tagSlug)
                .map(row -> row.column("n").getLong()).orElse(0L);
        List<EntrySummary> items = db.execute()
                .query("SELECT " + SUMMARY_COLUMNS + tagged + " ORDER BY e.published_at DESC, e.id DESC LIMIT ? OFFSET ?",
                        tagSlug, size, offset(page, size))
                .map(EntryRepository::summary).toList();
        return new PageOf<>(items, page, size, total);
    }

    public Optional<Entry> published(Kind kind, String slug) {
        return db.execute().get("SELECT e.*, a.name AS author_name, " + TAGS + """
                 FROM blog.entries e LEFT JOIN blog.authors a ON a.id = e.author_id
                WHERE e.kind = ? AND e.slug = ? AND e.status = 'published'""", kind.dbValue(), slug)
                .map(row -> entry(kind, row));
    }

    /** Newest published posts with their bodies, for the feed. */
    public List<Entry> latestPosts(int count) {
        return db.execute().query("SELECT e.*, a.name AS author_name, " + TAGS + PUBLISHED_POSTS
                        + " ORDER BY e.published_at DESC, e.id DESC LIMIT ?", count)
                .map(row -> entry(Kind.POST, row)).toList();
    }

    /** True before any content exists: the local stack loads its demo content then. */
    public boolean isEmpty() {
        return db.execute().get("SELECT NOT EXISTS (SELECT 1 FROM blog.entries) AS empty")
                .map(row -> row.column("empty").getBoolean()).orElse(true);
    }

    private static EntrySummary summary(DbRow row) {
        return new EntrySummary(Columns.string(row, "slug"), Columns.string(row, "title"), Columns.string(row, "excerpt"),
                Columns.instant(row, "published_at"), Columns.string(row, "author_name"), Rows.tags(row, "tags"));
    }

    private static Entry entry(Kind kind, DbRow row) {
        return new Entry(kind, Columns.string(row, "slug"), Columns.string(row, "title"), Columns.string(row, "html"),
                Columns.string(row, "excerpt"), row.column("feature_image").get(String.class),
                Columns.instant(row, "published_at"), Columns.instant(row, "updated_at"),
                Columns.string(row, "author_name"), Rows.tags(row, "tags"));
    }

    private static int offset(int page, int size) {
        return (Math.max(page, 1) - 1) * size;
    }
}
