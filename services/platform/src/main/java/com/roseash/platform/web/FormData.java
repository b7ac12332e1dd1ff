package com.roseash.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
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
 * over 1 MiB are refused.
 */
public record FormData(Parameters fields) {

    static final int MAX_BYTES = 1024 * 1024;

    /** The fields: from the context when CSRF protection read them already, else from the body now. */
    public static Parameters of(ServerRequest request) {
        return request.context().get(FormData.class).map(FormData::fields).orElseGet(() -> {
            Parameters fields = read(request);
            request.context().register(new FormData(fields));
            return fields;
        });
    }

    static Parameters read(ServerRequest request) {
        try (InputStream body = request.content().inputStream()) {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new HttpException("The form is larger than 1 MiB.", Status.REQUEST_ENTITY_TOO_LARGE_413, true);
            }
            return parse(new String(bytes, StandardCharsets.UTF_8));
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
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw new HttpException("The form is not properly encoded.", Status.BAD_REQUEST_400, true);
            }
        }
        return Parameters.create("form", fields);
    }
}
