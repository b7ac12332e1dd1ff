package com.roseash.federation.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/**
 * Authorization codes in PostgreSQL: stored as hashes, valid for a short time, and redeemable once.
 * Redemption marks the row used in the same statement that reads it, so two concurrent redemptions of
 * one code cannot both succeed.
 */
public final class AuthorizationCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DbClient db;
    private final Duration ttl;

    public AuthorizationCodes(DbClient db, Duration ttl) {
        this.db = db;
        this.ttl = ttl;
    }

    /** What a code stands for. */
    public record Grant(String clientId, long userId, String redirectUri, String codeChallenge, String nonce,
                        String scope, String sessionId, Instant authTime) {
    }

    /** Outcome of a redemption: the grant, or why not. */
    public sealed interface Redemption {
        record Redeemed(Grant grant) implements Redemption {
        }

        record Replayed() implements Redemption {
        }

        record Unknown() implements Redemption {
        }
    }

    public String issue(Grant grant) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        db.execute().dml("""
                INSERT INTO federation.authorization_codes (code_hash, client_id, user_id, redirect_uri, code_challenge,
                       nonce, scope, session_id, auth_time, expires_at)
                VALUES (?, ?, ?, ?, ?, ?::text, ?, ?, ?, ?)""",
                hash(code), grant.clientId(), grant.userId(), grant.redirectUri(), grant.codeChallenge(), grant.nonce(),
                grant.scope(), grant.sessionId(), utc(grant.authTime()), utc(Instant.now().plus(ttl)));
        return code;
    }

    public Redemption redeem(String code) {
        if (code == null || code.isBlank()) {
            return new Redemption.Unknown();
        }
        String codeHash = hash(code);
        Optional<Grant> grant = db.execute().get("""
                UPDATE federation.authorization_codes SET used_at = now()
                 WHERE code_hash = ? AND used_at IS NULL AND expires_at > now()
                RETURNING *""", codeHash).map(AuthorizationCodes::grant);
        if (grant.isPresent()) {
            return new Redemption.Redeemed(grant.get());
        }
        boolean used = db.execute().get(
                "SELECT used_at IS NOT NULL AS used FROM federation.authorization_codes WHERE code_hash = ?", codeHash)
                .map(row -> row.column("used").getBoolean()).orElse(false);
        return used ? new Redemption.Replayed() : new Redemption.Unknown();
    }

    private static Grant grant(DbRow row) {
        Object authTime = row.column("auth_time").get(Object.class);
        Instant auth = authTime instanceof Timestamp t ? t.toInstant() : ((OffsetDateTime) authTime).toInstant();
        return new Grant(row.column("client_id").getString(), row.column("user_id").getLong(),
                row.column("redirect_uri").getString(), row.column("code_challenge").getString(),
                row.column("nonce").get(String.class), row.column("scope").getString(),
                row.column("session_id").getString(), auth);
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
