package com.roseash.platform.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.Status;

/**
 * An error body for API clients, RFC 9457 ({@code application/problem+json}). Our problems have no type
 * of their own yet, so {@code type} is {@code about:blank} and {@code title} the status's reason phrase, as
 * the RFC asks; {@code detail} says what was wrong. Written with Jackson, so any message is valid JSON.
 */
public record ProblemDetails(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ProblemDetails of(Status status, String detail) {
        return new ProblemDetails("about:blank", status.reasonPhrase(), status.code(), detail);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record of strings always serialises", e);
        }
    }
}
