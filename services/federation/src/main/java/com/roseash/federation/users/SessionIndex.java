package com.roseash.federation.users;

import java.util.List;

import com.roseash.platform.db.Columns;
import io.helidon.dbclient.DbClient;

/** Federation's sessions by user, in the database: which to end when a user must be signed out everywhere. */
public final class SessionIndex {

    private final DbClient db;

    public SessionIndex(DbClient db) {
        this.db = db;
    }

    public void add(String sessionId, long user) {
        db.execute().dml("INSERT INTO federation.user_sessions (session_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                sessionId, user);
        // Sessions older than the longest a session may last are over anyway: forget them as we go.
        db.execute().dml("DELETE FROM federation.user_sessions WHERE user_id = ? AND created_at < now() - interval '30 days'",
                user);
    }

    public void remove(String sessionId) {
        db.execute().dml("DELETE FROM federation.user_sessions WHERE session_id = ?", sessionId);
    }

    public List<String> of(long user) {
        return db.execute().query("SELECT session_id FROM federation.user_sessions WHERE user_id = ?", user)
                .map(row -> Columns.string(row, "session_id")).toList();
    }
}
