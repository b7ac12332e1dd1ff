package com.roseash.platform.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict percent-decoding for paths, queries and form bodies: a {@code %} not followed by two hex digits, a
 * character outside printable ASCII, or bytes that are not UTF-8 make the input malformed, where the JDK's
 * {@code URLDecoder} would throw for some and silently put U+FFFD in for others.
 */
public final class PercentEncoding {

    private PercentEncoding() {
    }

    /** The decoded text, or empty when {@code raw} is not properly encoded ({@code plusIsSpace} for forms). */
    public static Optional<String> decode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return Optional.empty();
                }
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c <= 0x20 || c >= 0x7f) {
                return Optional.empty();
            } else {
                bytes.write(plusIsSpace && c == '+' ? ' ' : c);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Whether decoded text holds a control character; {@code lineBreaks} allows tab, CR and LF (a textarea's). */
    public static boolean hasControl(String text, boolean lineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = lineBreaks && (c == '\t' || c == '\r' || c == '\n');
            if ((c < 0x20 || c == 0x7f) && !allowed) {
                return true;
            }
        }
        return false;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
