package com.roseash.blog.posts;

import java.util.ArrayList;
import java.util.List;

import com.roseash.platform.db.Columns;
import io.helidon.dbclient.DbRow;

/** The blog's own packed columns (the platform's {@link Columns} reads the plain ones). */
final class Rows {

    private Rows() {
    }

    /** Tags aggregated as "slug TAB name" lines, in position order. */
    static List<TagRef> tags(DbRow row, String name) {
        String packed = Columns.string(row, name);
        List<TagRef> tags = new ArrayList<>();
        for (String line : packed.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                tags.add(new TagRef(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return List.copyOf(tags);
    }
}
