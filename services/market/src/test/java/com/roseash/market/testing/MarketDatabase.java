package com.roseash.market.testing;

import java.util.List;

import com.roseash.market.MarketService;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.Migrator;
import com.roseash.platform.testing.TestPostgres;

/** A fresh database with the market's migrations applied, on the shared test PostgreSQL. */
public final class MarketDatabase {

    private MarketDatabase() {
    }

    public static DatabaseSettings migrated() {
        DatabaseSettings settings = TestPostgres.shared().newDatabase();
        new Migrator(settings, List.of(MarketService.MIGRATIONS)).migrateAll();
        return settings;
    }
}
