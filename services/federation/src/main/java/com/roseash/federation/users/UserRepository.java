package com.roseash.federation.users;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import com.roseash.platform.db.Columns;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/** Users in the federation schema. E-mail addresses are unique regardless of case. */
public final class UserRepository {

    private final DbClient db;

    public UserRepository(DbClient db) {
        this.db = db;
    }

    /** A user and their password hash, for checking a sign-in. */
    public record Credentials(User user, String passwordHash) {
    }

    public Optional<Credentials> credentials(String email) {
        return db.execute().get("SELECT * FROM federation.users WHERE lower(email) = lower(?)", email)
                .map(row -> new Credentials(user(row), row.column("password_hash").getString()));
    }

    public Optional<User> byId(long id) {
        return db.execute().get("SELECT * FROM federation.users WHERE id = ?", id).map(UserRepository::user);
    }

    /** Creates a user; empty when the e-mail address is taken. */
    public Optional<User> create(String email, String displayName, String passwordHash, Set<String> roles) {
        return db.execute().get("""
                INSERT INTO federation.users (email, display_name, password_hash, roles) VALUES (?, ?, ?, ?)
                ON CONFLICT ((lower(email))) DO NOTHING RETURNING *""", email, displayName, passwordHash, String.join(",", roles))
                .map(UserRepository::user);
    }

    public boolean isEmpty() {
        return db.execute().get("SELECT NOT EXISTS (SELECT 1 FROM federation.users) AS empty")
                .map(row -> row.column("empty").getBoolean()).orElse(true);
    }

    /** Creates a user whose address counts as confirmed (the first administrator, a platform that sends no mail). */
    public Optional<User> createConfirmed(String email, String displayName, String passwordHash, Set<String> roles) {
        return create(email, displayName, passwordHash, roles).map(user -> {
            confirmEmail(user.id());
            return byId(user.id()).orElseThrow();
        });
    }

    public void confirmEmail(long id) {
        db.execute().dml("UPDATE federation.users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = ?", id);
    }

    /** The hash to check a signed-in user's current password against. */
    public String passwordHash(long id) {
        return db.execute().get("SELECT password_hash FROM federation.users WHERE id = ?", id)
                .map(row -> row.column("password_hash").getString()).orElse("");
    }

    /** Sets a new password and ends every session begun before: returns the user as they are now. */
    public User setPassword(long id, String passwordHash) {
        return db.execute().get("UPDATE federation.users SET password_hash = ?, session_generation = session_generation + 1"
                + " WHERE id = ? RETURNING *", passwordHash, id).map(UserRepository::user).orElseThrow();
    }

    /** Moves the user to a confirmed new address; false when someone else has it by now. */
    public boolean changeEmail(long id, String email) {
        return db.execute().dml("""
                UPDATE federation.users SET email = ?, email_verified_at = now()
                WHERE id = ? AND NOT EXISTS (SELECT 1 FROM federation.users o WHERE lower(o.email) = lower(?) AND o.id <> ?)""",
                email, id, email, id) == 1;
    }

    public boolean emailTaken(String email) {
        return db.execute().get("SELECT 1 AS taken FROM federation.users WHERE lower(email) = lower(?)", email).isPresent();
    }

    private static User user(DbRow row) {
        Set<String> roles = new LinkedHashSet<>(Arrays.asList(row.column("roles").getString().split(",")));
        return new User(row.column("id").getLong(), row.column("email").getString(),
                row.column("display_name").getString(), Set.copyOf(roles), Columns.instant(row, "email_verified_at") != null,
                row.column("session_generation").getInt());
    }
}
