package com.roseash.account.testing;

import java.util.List;

import com.roseash.account.AccountService;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.Migrator;
import com.roseash.platform.testing.TestPostgres;

/** A fresh database with the account schema migrated, as the migrations Job leaves it. */
public final class AccountDatabase {

    private AccountDatabase() {
    }

    public static DatabaseSettings migrated() {
        DatabaseSettings database = TestPostgres.shared().newDatabase();
        new Migrator(database, List.of(AccountService.MIGRATIONS)).migrateAll();
        return database;
    }
}
