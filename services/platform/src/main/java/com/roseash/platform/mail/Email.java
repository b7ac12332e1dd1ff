package com.roseash.platform.mail;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One mail to one person: plain text, and optionally an HTML alternative of the same content.
 *
 * @param to        the address only ({@code member@example.org})
 * @param subject   one line
 * @param text      the body, plain text
 * @param html      the same as HTML, or empty for a text-only mail
 * @param headers   more header fields ({@code List-Unsubscribe}), one line each
 * @param messageId the Message-ID to send it with ({@code <...@host>}), or empty for a new one: a mail sent again
 *                  with the same id is recognisably the same mail
 */
public record Email(String to, String subject, String text, String html, Map<String, String> headers, String messageId) {

    public Email(String to, String subject, String text) {
        this(to, subject, text, "", Map.of(), "");
    }

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
        Objects.requireNonNull(html, "html");
        headers = Map.copyOf(headers);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if ((header.getKey() + header.getValue()).contains("\r") || (header.getKey() + header.getValue()).contains("\n")) {
                throw new IllegalArgumentException("header " + header.getKey() + " is one line");
            }
        }
        Objects.requireNonNull(messageId, "messageId");
    }
}
