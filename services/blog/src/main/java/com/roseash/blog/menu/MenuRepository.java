package com.roseash.blog.menu;

import java.util.List;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

/** The navigation menu, in order. */
public final class MenuRepository {

    private final DbClient db;

    public MenuRepository(DbClient db) {
        this.db = db;
    }

    public List<MenuItem> items() {
        return db.execute().query("SELECT label, url FROM blog.menu_items ORDER BY position, id")
                .map(row -> new MenuItem(row.column("label").getString(), row.column("url").getString()))
                .toList();
    }

    /** Replaces the whole menu inside the caller's transaction; unchanged menus are left untouched. */
    public static boolean replace(DbExecute tx, List<MenuItem> items) {
        List<MenuItem> current = tx.query("SELECT label, url FROM blog.menu_items ORDER BY position, id")
                .map(row -> new MenuItem(row.column("label").getString(), row.column("url").getString()))
                .toList();
        if (current.equals(items)) {
            return false;
        }
        tx.dml("DELETE FROM blog.menu_items");
        for (int i = 0; i < items.size(); i++) {
            tx.dml("INSERT INTO blog.menu_items (label, url, position) VALUES (?, ?, ?)",
                    items.get(i).label(), items.get(i).url(), i);
        }
        return true;
    }
}
