package com.roseash.platform.web;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import io.helidon.http.NotFoundException;
import io.helidon.webserver.http.ServerRequest;

/** URL slugs: lowercase ASCII words joined by dashes. */
public final class Slugs {

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {
    }

    public static String slugify(String title) {
        String folded = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return folded.isEmpty() ? "untitled" : folded;
    }

    /**
     * The path's {@code {slug}} parameter, when it is one that can exist: editors and imports store only valid slugs,
     * so anything else (a NUL, which PostgreSQL refuses in text, an overlong or non-ASCII segment) is a 404 without a
     * query.
     */
    public static String fromPath(ServerRequest request, String what) {
        String slug = request.path().pathParameters().get("slug");
        if (!isValid(slug)) {
            throw new NotFoundException("There is no " + what + " at this address.");
        }
        return slug;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= 190 && VALID.matcher(slug).matches();
    }
}
