package com.roseash.stack;

import java.security.SecureRandom;
import java.util.Base64;

/** Random values standing in for what the operator generates into the platform's Secret. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String READABLE = "abcdefghjkmnpqrstuvwxyz23456789";

    private Secrets() {
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A password a person can type: four groups of four, about 80 bits. */
    static String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(READABLE.charAt(RANDOM.nextInt(READABLE.length())));
        }
        return password.toString();
    }
}
