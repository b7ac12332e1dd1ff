package com.roseash.blog.ghost;

/** What one import did, per kind of row. A repeated import of the same content is all "unchanged". */
public record ImportSummary(Counts authors, Counts tags, Counts entries, boolean menuChanged) {

    public record Counts(int created, int updated, int unchanged) {
        Counts plus(Outcome outcome) {
            return switch (outcome) {
                case CREATED -> new Counts(created + 1, updated, unchanged);
                case UPDATED -> new Counts(created, updated + 1, unchanged);
                case UNCHANGED -> new Counts(created, updated, unchanged + 1);
            };
        }

        static Counts none() {
            return new Counts(0, 0, 0);
        }
    }

    enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** True when the import wrote anything (pages must then be re-rendered). */
    public boolean changedAnything() {
        return menuChanged || authors.created + authors.updated + tags.created + tags.updated
                + entries.created + entries.updated > 0;
    }
}
