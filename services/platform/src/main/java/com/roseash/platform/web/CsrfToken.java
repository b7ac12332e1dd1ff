package com.roseash.platform.web;

/** The token a form must send back; kept in the request context by {@link CsrfProtection}. */
public record CsrfToken(String value) {
    /** The hidden form field's name. */
    public static final String FIELD = "_csrf";
    /** The header htmx requests send it in (set by app.js from the page's meta tag). */
    public static final String HEADER = "X-CSRF-Token";
}
