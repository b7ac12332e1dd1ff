package com.roseash.platform.web;

import java.util.Optional;

import io.helidon.webserver.http.ServerRequest;

/**
 * The token a form must send back, kept in the request context by the CSRF feature
 * ({@code platform.csrf.CsrfProtection}) and read here by pages, so rendering does not depend on the filter.
 */
public record CsrfToken(String value) {
    /** The hidden form field's name. */
    public static final String FIELD = "_csrf";
    /** The header htmx requests send it in (set by app.js from the page's meta tag). */
    public static final String HEADER = "X-CSRF-Token";

    /** The token for the current request, for templates. */
    public static Optional<String> of(ServerRequest request) {
        return request.context().get(CsrfToken.class).map(CsrfToken::value);
    }
}
