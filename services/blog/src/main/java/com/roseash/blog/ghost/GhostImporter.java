package com.roseash.blog.ghost;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.roseash.blog.menu.MenuRepository;
import com.roseash.platform.markdown.HtmlSanitizer;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

/**
 * Writes Ghost content into the blog schema in one transaction: all of it or none of it. Rows are
 * matched by Ghost id, and a row is only written when something in it differs, so importing the same
 * content twice changes nothing the second time.
 */
public final class GhostImporter {

    private final DbClient db;

    public GhostImporter(DbClient db) {
        this.db = db;
    }

    public ImportSummary importContent(GhostContent content) {
        DbTransaction tx = db.transaction();
        try {
            ImportSummary summary = write(tx, content);
            tx.commit();
            return summary;
        } catch (RuntimeException e) {
            tx.rollback();
            if (e instanceof GhostImportException) {
                throw e;
            }
            throw new GhostImportException("the database refused it: " + rootMessage(e), e);
        }
    }

    private ImportSummary write(DbTransaction tx, GhostContent content) {
        ImportSummary.Counts authorCounts = ImportSummary.Counts.none();
        Map<String, Long> authorIds = new HashMap<>();
        for (GhostContent.Author author : content.authors()) {
            Upserted row = upsert(tx, "blog.authors", author.ghostId(), """
                    INSERT INTO blog.authors (ghost_id, slug, name) VALUES (?, ?, ?)
                    ON CONFLICT (ghost_id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name, updated_at = now()
                     WHERE (authors.slug, authors.name) IS DISTINCT FROM (EXCLUDED.slug, EXCLUDED.name)
                    RETURNING id, (xmax = 0) AS inserted""", author.ghostId(), author.slug(), author.name());
            authorIds.put(author.ghostId(), row.id());
            authorCounts = authorCounts.plus(row.outcome());
        }

        ImportSummary.Counts tagCounts = ImportSummary.Counts.none();
        Map<String, Long> tagIds = new HashMap<>();
        for (GhostContent.Tag tag : content.tags()) {
            Upserted row = upsert(tx, "blog.tags", tag.ghostId(), """
                    INSERT INTO blog.tags (ghost_id, slug, name, description) VALUES (?, ?, ?, ?)
                    ON CONFLICT (ghost_id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name,
                           description = EXCLUDED.description, updated_at = now()
                     WHERE (tags.slug, tags.name, tags.description)
                           IS DISTINCT FROM (EXCLUDED.slug, EXCLUDED.name, EXCLUDED.description)
                    RETURNING id, (xmax = 0) AS inserted""", tag.ghostId(), tag.slug(), tag.name(), tag.description());
            tagIds.put(tag.ghostId(), row.id());
            tagCounts = tagCounts.plus(row.outcome());
        }

        ImportSummary.Counts entryCounts = ImportSummary.Counts.none();
        for (GhostContent.Entry entry : content.entries()) {
            String html = HtmlSanitizer.sanitize(entry.html());
            String excerpt = entry.excerpt().isBlank() ? Excerpts.fromHtml(html) : entry.excerpt();
            Long authorId = entry.authorGhostId().map(authorIds::get).orElse(null);
            Upserted row = upsert(tx, "blog.entries", entry.ghostId(), """
                    INSERT INTO blog.entries (ghost_id, kind, slug, title, html, excerpt, feature_image, status,
                                              published_at, author_id, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?::text, ?, ?::timestamptz, ?::bigint, ?::timestamptz, ?::timestamptz)
                    ON CONFLICT (ghost_id) DO UPDATE SET kind = EXCLUDED.kind, slug = EXCLUDED.slug, title = EXCLUDED.title,
                           html = EXCLUDED.html, excerpt = EXCLUDED.excerpt, feature_image = EXCLUDED.feature_image,
                           status = EXCLUDED.status, published_at = EXCLUDED.published_at, author_id = EXCLUDED.author_id,
                           updated_at = EXCLUDED.updated_at
                     WHERE (entries.kind, entries.slug, entries.title, entries.html, entries.excerpt, entries.feature_image,
                            entries.status, entries.published_at, entries.author_id)
                           IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.slug, EXCLUDED.title, EXCLUDED.html, EXCLUDED.excerpt,
                            EXCLUDED.feature_image, EXCLUDED.status, EXCLUDED.published_at, EXCLUDED.author_id)
                    RETURNING id, (xmax = 0) AS inserted""",
                    entry.ghostId(), entry.kind(), entry.slug(), entry.title(), html, excerpt, entry.featureImage(),
                    entry.status(), utc(entry.publishedAt()), authorId, utc(entry.createdAt()), utc(entry.updatedAt()));
            boolean tagsChanged = replaceTags(tx, row.id(), entry.tagGhostIds().stream().map(tagIds::get).toList());
            entryCounts = entryCounts.plus(row.outcome() == ImportSummary.Outcome.UNCHANGED && tagsChanged
                    ? ImportSummary.Outcome.UPDATED : row.outcome());
        }

        boolean menuChanged = content.navigation().map(menu -> MenuRepository.replace(tx, menu)).orElse(false);
        return new ImportSummary(authorCounts, tagCounts, entryCounts, menuChanged);
    }

    private record Upserted(long id, ImportSummary.Outcome outcome) {
    }

    /** Runs an INSERT ... ON CONFLICT ... WHERE changed RETURNING; no row back means nothing changed. */
    private static Upserted upsert(DbTransaction tx, String table, String ghostId, String sql, Object... params) {
        return tx.get(sql, params)
                .map(row -> new Upserted(row.column("id").getLong(), row.column("inserted").getBoolean()
                        ? ImportSummary.Outcome.CREATED : ImportSummary.Outcome.UPDATED))
                .orElseGet(() -> new Upserted(tx.get("SELECT id FROM " + table + " WHERE ghost_id = ?", ghostId)
                        .map(row -> row.column("id").getLong())
                        .orElseThrow(), ImportSummary.Outcome.UNCHANGED));
    }

    private static boolean replaceTags(DbTransaction tx, long entryId, List<Long> tagIds) {
        List<Long> current = tx.query("SELECT tag_id FROM blog.entry_tags WHERE entry_id = ? ORDER BY position, tag_id", entryId)
                .map((DbRow row) -> row.column("tag_id").getLong()).toList();
        List<Long> wanted = new ArrayList<>(new LinkedHashSet<>(tagIds));
        if (current.equals(wanted)) {
            return false;
        }
        tx.dml("DELETE FROM blog.entry_tags WHERE entry_id = ?", entryId);
        for (int i = 0; i < wanted.size(); i++) {
            tx.dml("INSERT INTO blog.entry_tags (entry_id, tag_id, position) VALUES (?, ?, ?)", entryId, wanted.get(i), i);
        }
        return true;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
