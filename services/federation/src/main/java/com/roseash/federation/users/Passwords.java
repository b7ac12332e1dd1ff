package com.roseash.federation.users;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing with Argon2id (password4j). Parameters follow OWASP's minimum for Argon2id
 * (19 MiB, 2 iterations, 1 lane); the hash string carries them, so they can be raised later.
 */
public final class Passwords {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    public static final int MIN_LENGTH = 10;

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public static boolean matches(String password, String hash) {
        return Password.check(password, hash).with(ARGON2ID);
    }

    /** Why a new password is refused, or empty when it is acceptable. */
    public static String problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "A password needs at least " + MIN_LENGTH + " characters.";
        }
        if (password.length() > 200) {
            return "A password can have at most 200 characters.";
        }
        return "";
    }
}
