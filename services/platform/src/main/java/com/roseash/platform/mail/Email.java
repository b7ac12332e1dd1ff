package com.roseash.platform.mail;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One plain-text mail to one person.
 *
 * @param to      the address only ({@code member@example.org})
 * @param subject one line
 * @param text    the body, plain text
 */
public record Email(String to, String subject, String text) {

    /** Enough to refuse what cannot be an address; the SMTP server has the last word. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");

    public Email {
        Objects.requireNonNull(text, "text");
        if (to == null || !ADDRESS.matcher(to).matches()) {
            throw new IllegalArgumentException("to is not an e-mail address: \"" + to + "\"");
        }
        if (subject == null || subject.isBlank() || subject.contains("\r") || subject.contains("\n")) {
            throw new IllegalArgumentException("subject is one line of text, not \"" + subject + "\"");
        }
    }
}
