package com.roseash.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.helidon.common.parameters.Parameters;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

/**
 * A form POST's fields, read once per request. We parse {@code application/x-www-form-urlencoded}
 * ourselves: Helidon's reader logs the raw body at debug level, and bodies carry passwords. Bodies
 * over 1 MiB are refused (413), another content type too (415), and so are fields that are not properly
 * percent-encoded UTF-8 or hold a NUL or another control character (400): PostgreSQL cannot store a NUL in text.
 */
public record FormData(Parameters fields) {

    static final int MAX_BYTES = 1024 * 1024;
    static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    /** The fields: from the context when CSRF protection read them already, else from the body now. */
    public static Parameters of(ServerRequest request) {
        return request.context().get(FormData.class).map(FormData::fields).orElseGet(() -> {
            Parameters fields = read(request);
            request.context().register(new FormData(fields));
            return fields;
        });
    }

    static Parameters read(ServerRequest request) {
        boolean form = request.headers().contentType()
                .map(type -> type.mediaType().text().equalsIgnoreCase(MEDIA_TYPE))
                .orElse(false);
        if (!form && !request.content().hasEntity()) {
            // A POST with no body has no fields, rather than fields of the wrong type: the route says what is missing.
            return Parameters.empty("form");
        }
        if (!form) {
            throw new HttpException("This address takes a form (" + MEDIA_TYPE + ").", Status.UNSUPPORTED_MEDIA_TYPE_415, true);
        }
        try (InputStream body = request.content().inputStream()) {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new HttpException("The form is larger than 1 MiB.", Status.REQUEST_ENTITY_TOO_LARGE_413, true);
            }
            return parse(new String(bytes, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Parameters parse(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decoded(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decoded(pair.substring(eq + 1));
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return Parameters.create("form", fields);
    }

    /** A field, strictly decoded: never NUL or other control characters but a textarea's line breaks and tabs. */
    private static String decoded(String raw) {
        return PercentEncoding.decode(raw, true).filter(text -> !PercentEncoding.hasControl(text, true))
                .orElseThrow(() -> new HttpException("The form is not properly encoded.", Status.BAD_REQUEST_400, true));
    }
}
