package com.roseash.platform.web;

import io.helidon.common.parameters.Parameters;
import io.helidon.webserver.http.ServerRequest;

/**
 * A form POST's fields. {@link CsrfProtection} reads the body to check the token, so handlers take the
 * parsed fields from the request context instead of reading the body again.
 */
public record FormData(Parameters fields) {

    /** The fields, read once: from the context when CSRF protection read them, else from the body now. */
    public static Parameters of(ServerRequest request) {
        return request.context().get(FormData.class).map(FormData::fields).orElseGet(() -> {
            Parameters fields = request.content().as(Parameters.class);
            request.context().register(new FormData(fields));
            return fields;
        });
    }

    public String first(String name) {
        return fields.first(name).orElse("");
    }
}
