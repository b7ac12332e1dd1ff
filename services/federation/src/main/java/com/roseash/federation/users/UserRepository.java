package com.roseash.federation.users;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

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

    private static User user(DbRow row) {
        Set<String> roles = new LinkedHashSet<>(Arrays.asList(row.column("roles").getString().split(",")));
        return new User(row.column("id").getLong(), row.column("email").getString(),
                row.column("display_name").getString(), Set.copyOf(roles));
    }
}
