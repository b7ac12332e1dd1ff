package com.roseash.blog.testing;

import java.util.List;

import com.roseash.blog.BlogService;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.Migrator;
import com.roseash.platform.testing.TestPostgres;

/** A fresh database with the blog's migrations applied, on the shared test PostgreSQL. */
public final class BlogDatabase {

    private BlogDatabase() {
    }

    public static DatabaseSettings migrated() {
        DatabaseSettings settings = TestPostgres.shared().newDatabase();
        new Migrator(settings, List.of(BlogService.MIGRATIONS)).migrateAll();
        return settings;
    }

    public static long count(Database database, String sql) {
        return database.client().execute().get(sql).map(row -> row.column(1).getLong()).orElseThrow();
    }
}
