package com.roseash.platform.server;

import java.util.Comparator;
import java.util.List;

import com.roseash.platform.csrf.CsrfExempt;
import io.helidon.webserver.http.HttpService;

/**
 * A route group mounted at a path prefix: its routes are relative to {@code prefix} ({@code "/"} for the
 * site's root). Helidon tries routes in registration order, so the server registers the most specific
 * prefixes first: a root group's catch-all such as the blog's {@code /{slug}/} never shadows {@code /editor/}.
 */
public record RouteGroup(String prefix, HttpService service) {

    /** Longer prefixes (more segments) first; groups with equal prefixes keep their order. */
    static final Comparator<RouteGroup> MOST_SPECIFIC_FIRST =
            Comparator.comparingInt((RouteGroup group) -> segments(group.prefix())).reversed();

    public RouteGroup {
        if (!prefix.startsWith("/") || prefix.length() > 1 && prefix.endsWith("/")) {
            throw new IllegalArgumentException("A mount prefix starts with / and does not end with one: " + prefix);
        }
    }

    /** The group's CSRF exemptions ({@link CsrfExempt}) as full path patterns, prefix included. */
    List<String> csrfExemptPaths() {
        if (!(service instanceof CsrfExempt exempt)) {
            return List.of();
        }
        return exempt.csrfExemptPaths().stream().map(this::fullPath).toList();
    }

    private String fullPath(String relative) {
        return prefix.equals("/") ? relative : prefix + relative;
    }

    private static int segments(String prefix) {
        return prefix.equals("/") ? 0 : (int) prefix.chars().filter(c -> c == '/').count();
    }
}
