package com.roseash.market.products;

import java.util.List;
import java.util.Optional;

import com.roseash.platform.db.Columns;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/** The market's categories, in their shelf order. */
public final class CategoryRepository {

    private final DbClient db;

    public CategoryRepository(DbClient db) {
        this.db = db;
    }

    public List<Category> all() {
        return db.execute().query("SELECT slug, name, description FROM market.categories ORDER BY position, name")
                .map(CategoryRepository::category).toList();
    }

    public Optional<Category> bySlug(String slug) {
        return db.execute().get("SELECT slug, name, description FROM market.categories WHERE slug = ?", slug)
                .map(CategoryRepository::category);
    }

    private static Category category(DbRow row) {
        return new Category(Columns.string(row, "slug"), Columns.string(row, "name"), Columns.string(row, "description"));
    }
}
