package com.roseash.blog.editor;

import java.util.List;
import java.util.Optional;

import com.roseash.platform.db.Transactions;
import com.roseash.platform.markdown.MarkdownRenderer;
import com.roseash.platform.web.Slugs;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** Writes for editors: every post and page, drafts included. Bodies are rendered and sanitised on save. */
public final class EditorRepository {

    private final DbClient db;
    private final MarkdownRenderer markdown;

    public EditorRepository(DbClient db, MarkdownRenderer markdown) {
        this.db = db;
        this.markdown = markdown;
    }

    public List<EditableEntry> all() {
        return db.execute().query("SELECT e.*, " + TAGS + " FROM blog.entries e ORDER BY e.kind, e.updated_at DESC, e.id DESC")
                .map(EditorRepository::entry).toList();
    }

    public Optional<EditableEntry> byId(long id) {
        return db.execute().get("SELECT e.*, " + TAGS + " FROM blog.entries e WHERE e.id = ?", id).map(EditorRepository::entry);
    }

    /** Creates a draft; empty when another entry of its kind has the slug. */
    public Optional<Long> create(EntryDraft draft) {
        return Transactions.inTransaction(db, tx -> tx.get("""
                        INSERT INTO blog.entries (kind, slug, title, markdown, html, excerpt, status)
                        VALUES (?, ?, ?, ?, ?, ?, 'draft') ON CONFLICT (kind, slug) DO NOTHING RETURNING id""",
                draft.kind(), draft.slug(), draft.title(), draft.markdown(), markdown.render(draft.markdown()), draft.excerpt())
                .map(row -> {
                    long id = row.column("id").getLong();
                    setTags(tx, id, draft.tags());
                    return id;
                }));
    }

    /** Saves the fields; false when another entry of its kind has the slug. */
    public boolean update(long id, EntryDraft draft) {
        return Transactions.inTransaction(db, tx -> {
            boolean taken = tx.get("SELECT 1 AS taken FROM blog.entries WHERE kind = ? AND slug = ? AND id <> ?",
                    draft.kind(), draft.slug(), id).isPresent();
            if (taken) {
                return false;
            }
            tx.dml("""
                    UPDATE blog.entries SET slug = ?, title = ?, markdown = ?, html = ?, excerpt = ?, updated_at = now()
                     WHERE id = ?""", draft.slug(), draft.title(), draft.markdown(), markdown.render(draft.markdown()),
                    draft.excerpt(), id);
            setTags(tx, id, draft.tags());
            return true;
        });
    }

    /** Publishes; the first publication sets the date readers see, later ones keep it. */
    public void publish(long id) {
        db.execute().dml("""
                UPDATE blog.entries SET status = 'published', published_at = coalesce(published_at, now()), updated_at = now()
                 WHERE id = ?""", id);
    }

    public void unpublish(long id) {
        db.execute().dml("UPDATE blog.entries SET status = 'draft', updated_at = now() WHERE id = ?", id);
    }

    private static void setTags(DbExecute tx, long entryId, List<String> names) {
        tx.dml("DELETE FROM blog.entry_tags WHERE entry_id = ?", entryId);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            long tagId = tx.get("""
                    INSERT INTO blog.tags (slug, name) VALUES (?, ?)
                    ON CONFLICT (slug) DO UPDATE SET name = blog.tags.name RETURNING id""", Slugs.slugify(name), name)
                    .orElseThrow().column("id").getLong();
            tx.dml("INSERT INTO blog.entry_tags (entry_id, tag_id, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    entryId, tagId, i);
        }
    }

    private static final String TAGS = """
            (SELECT string_agg(t.name, E'\\n' ORDER BY et.position) FROM blog.entry_tags et JOIN blog.tags t ON t.id = et.tag_id
              WHERE et.entry_id = e.id) AS tag_names""";

    private static EditableEntry entry(DbRow row) {
        String markdown = row.column("markdown").get(String.class);
        String html = row.column("html").getString();
        String tags = row.column("tag_names").get(String.class);
        return new EditableEntry(row.column("id").getLong(), row.column("kind").getString(), row.column("slug").getString(),
                row.column("title").getString(),
                // Imported entries have HTML only; Markdown passes HTML through, so it is their source.
                markdown != null ? markdown : html, html, row.column("excerpt").getString(), row.column("status").getString(),
                tags == null ? List.of() : List.of(tags.split("\n")));
    }
}
