package com.roseash.federation.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import com.roseash.platform.db.Columns;
import io.helidon.dbclient.DbClient;

/**
 * Links mailed to members (confirm the address, reset the password, confirm a new address): a random token in
 * the mail, only its SHA-256 kept here, usable once and until it expires. Using one is a single conditional
 * update, so two clicks at once cannot both succeed.
 */
public final class AccountLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a link is for. */
    public enum Purpose {
        CONFIRM_EMAIL("confirm-email"), RESET_PASSWORD("reset-password"), CHANGE_EMAIL("change-email");

        private final String dbValue;

        Purpose(String dbValue) {
            this.dbValue = dbValue;
        }
    }

    /** A used link: whose, and the new address it confirms (change-email only, else empty). */
    public record Used(long userId, String newEmail) {
    }

    private final DbClient db;

    public AccountLinks(DbClient db) {
        this.db = db;
    }

    /** A new link's token for {@code userId}; earlier unused links of the same purpose stop working. */
    public String issue(long userId, Purpose purpose, String newEmail, Duration ttl) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        db.execute().dml("UPDATE federation.account_links SET used_at = now() WHERE user_id = ? AND purpose = ?"
                + " AND used_at IS NULL", userId, purpose.dbValue);
        db.execute().dml("INSERT INTO federation.account_links (token_hash, user_id, purpose, new_email, expires_at)"
                + " VALUES (?, ?, ?, ?, now() + ? * interval '1 second')", hash(token), userId, purpose.dbValue, newEmail,
                ttl.toSeconds());
        return token;
    }

    /** Whether the link would work now (for showing its form); using it is {@link #use}. */
    public boolean usable(String token, Purpose purpose) {
        return db.execute().get("SELECT 1 AS ok FROM federation.account_links WHERE token_hash = ? AND purpose = ?"
                + " AND used_at IS NULL AND expires_at > now()", hash(token), purpose.dbValue).isPresent();
    }

    /** Uses the link, once: empty when it is unknown, used, expired or for something else. */
    public Optional<Used> use(String token, Purpose purpose) {
        return db.execute().get("UPDATE federation.account_links SET used_at = now() WHERE token_hash = ? AND purpose = ?"
                        + " AND used_at IS NULL AND expires_at > now() RETURNING user_id, new_email", hash(token),
                        purpose.dbValue)
                .map(row -> new Used(row.column("user_id").getLong(), Columns.string(row, "new_email")));
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
