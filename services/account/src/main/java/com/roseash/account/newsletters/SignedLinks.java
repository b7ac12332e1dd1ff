package com.roseash.account.newsletters;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;

/**
 * The tokens of newsletter links, signed with HMAC-SHA256 under a key derived from the platform's session secret:
 * {@code confirm} names a subscription and when the link stops working; {@code unsubscribe} names a subscription
 * and never expires (an old issue's link must still work). Nothing is stored: a forged or altered token fails the
 * signature.
 */
public final class SignedLinks {

    private static final String HMAC = "HmacSHA256";
    private static final System.Logger LOG = System.getLogger(SignedLinks.class.getName());
    private final byte[] key;

    /** @param secret the platform's session secret; a key for newsletter links only is derived from it */
    public SignedLinks(String secret) {
        this.key = mac(secret.getBytes(StandardCharsets.UTF_8), "rose-ash newsletter links");
    }

    /** Signed under the platform's session secret; without one (a development run), a random key for this process. */
    public static SignedLinks from(RoseAshConfig config) {
        return new SignedLinks(config.value(PlatformSettings.SESSION_SECRET).orElseGet(() -> {
            LOG.log(System.Logger.Level.WARNING, PlatformSettings.SESSION_SECRET.key() + " is not set: newsletter links"
                    + " work only until this process stops");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return Base64.getEncoder().encodeToString(random);
        }));
    }

    /** Why a token was refused, for the visitor. */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    public String confirm(long subscription, Instant expires) {
        return sign("c." + subscription + "." + expires.getEpochSecond());
    }

    public String unsubscribe(long subscription) {
        return sign("u." + subscription);
    }

    /** The subscription a confirmation token names; {@link Refused} when it is forged, altered or expired. */
    public long confirmed(String token, Instant now) {
        String[] parts = verified(token).split("\\.");
        if (parts.length != 3 || !parts[0].equals("c")) {
            throw new Refused("This is not a confirmation link.");
        }
        if (now.getEpochSecond() > Long.parseLong(parts[2])) {
            throw new Refused("This confirmation link has expired: subscribe again for a new one.");
        }
        return Long.parseLong(parts[1]);
    }

    /** The subscription an unsubscribe token names; {@link Refused} when it is forged or altered. */
    public long unsubscribed(String token) {
        String[] parts = verified(token).split("\\.");
        if (parts.length != 2 || !parts[0].equals("u")) {
            throw new Refused("This is not an unsubscribe link.");
        }
        return Long.parseLong(parts[1]);
    }

    private String sign(String payload) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(mac(key, payload));
    }

    private String verified(String token) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        Optional<String> payload = Optional.empty();
        if (dot > 0) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
                byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
                if (MessageDigest.isEqual(signature, mac(key, decoded)) && decoded.matches("[cu](\\.\\d{1,18}){1,2}")) {
                    payload = Optional.of(decoded);
                }
            } catch (IllegalArgumentException e) {
                // Not base64: refused below like any other forgery.
            }
        }
        return payload.orElseThrow(() -> new Refused("This link is not one of ours: it was altered or cut short."));
    }

    private static byte[] mac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java", e);
        }
    }
}
