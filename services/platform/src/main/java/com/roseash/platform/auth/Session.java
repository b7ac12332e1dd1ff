package com.roseash.platform.auth;

import java.time.Instant;
import java.util.Map;

/**
 * A signed-in browser's session on one service: who it is and when it started. Kept in Redis; lost
 * with Redis, which only means signing in again.
 */
public record Session(String id, Map<String, String> attributes, Instant createdAt) {

    public String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }
}
