package com.roseash.blog.posts;

import java.util.Optional;

import com.roseash.platform.db.Columns;
import io.helidon.dbclient.DbClient;

/** Tags as readers see them: counted over published posts. */
public final class TagRepository {

    private final DbClient db;

    public TagRepository(DbClient db) {
        this.db = db;
    }

    public Optional<Tag> bySlug(String slug) {
        return db.execute().get("""
                SELECT t.slug, t.name, t.description,
                       (SELECT count(*) FROM blog.entry_tags et JOIN blog.entries e ON e.id = et.entry_id
                         WHERE et.tag_id = t.id AND e.kind = 'post' AND e.status = 'published') AS posts
                  FROM blog.tags t WHERE t.slug = ?""", slug)
                .map(row -> new Tag(Columns.string(row, "slug"), Columns.string(row, "name"),
                        Columns.string(row, "description"), row.column("posts").getLong()));
    }
}
