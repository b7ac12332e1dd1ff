package com.roseash.migrate;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.config.Setting;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.DomainMigrations;
import com.roseash.platform.db.MigrationFailedException;
import com.roseash.platform.db.Migrator;
import com.roseash.platform.logging.ServiceLogging;

/**
 * The migrations Job's entry point: applies every domain's pending migrations in the platform's order
 * and exits 0, or exits 1 naming the failing migration (the operator copies that into its status).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<Setting> settings = new ArrayList<>(PlatformSettings.all());
        settings.addAll(MigrateSettings.own());
        RoseAshConfig config = RoseAshConfig.load(settings, Map.of());
        ServiceLogging.install(config);
        System.exit(run(DatabaseSettings.from(config), config.duration(MigrateSettings.DATABASE_WAIT), Domains.ALL,
                System.out, System.err));
    }

    static int run(DatabaseSettings database, Duration wait, List<DomainMigrations> domains, PrintStream out, PrintStream err) {
        out.println("Migrating " + database.url() + " (" + domains.size() + " domains)");
        String unreachable = DatabaseWait.until(database, wait, out);
        if (unreachable != null) {
            err.println("FAILED before any migration ran: the database did not accept a login within " + wait + ": "
                    + unreachable);
            return 2;
        }
        try {
            for (Migrator.Applied applied : new Migrator(database, domains).migrateAll()) {
                out.println("  " + applied.domain() + ": at version " + applied.version()
                        + ", applied " + applied.migrationsExecuted());
            }
            out.println("Migrations complete");
            return 0;
        } catch (MigrationFailedException e) {
            err.println("FAILED " + e.domain() + "/" + e.migration() + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("FAILED before any migration ran: " + e);
            return 2;
        }
    }
}
