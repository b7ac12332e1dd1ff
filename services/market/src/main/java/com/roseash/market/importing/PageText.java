package com.roseash.market.importing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;

/** What the three readers share: text as an editor should see it, and image addresses as we can fetch them. */
final class PageText {

    private PageText() {
    }

    /**
     * Plain text: tags dropped, entities decoded, whitespace collapsed, trimmed. Shops put HTML in JSON-LD
     * descriptions and escape names ("Tea &amp; Cake") as if JSON were HTML, so every source goes through this.
     */
    static String plain(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return Jsoup.parseBodyFragment(text).text().strip();
    }

    /**
     * Absolute http(s) addresses, resolved against the page, each once, in order. Anything else (data: URIs,
     * javascript:, addresses that do not parse) is left out rather than passed on.
     */
    static List<String> imageUrls(String base, List<String> references) {
        Set<String> urls = new LinkedHashSet<>();
        for (String reference : references) {
            if (reference == null || reference.isBlank()) {
                continue;
            }
            URI url = resolve(base, reference.strip());
            if (url != null && url.getHost() != null && isWeb(url.getScheme())) {
                urls.add(url.toString());
            }
        }
        return new ArrayList<>(urls);
    }

    private static URI resolve(String base, String reference) {
        try {
            URI baseUrl = new URI(base);
            if (baseUrl.getRawPath() == null || baseUrl.getRawPath().isEmpty()) {
                // URI.resolve against "https://shop.example" would give "https://shop.exampleimg.jpg".
                baseUrl = baseUrl.resolve("/");
            }
            return baseUrl.resolve(new URI(reference.replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    private static boolean isWeb(String scheme) {
        if (scheme == null) {
            return false;
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        return lower.equals("http") || lower.equals("https");
    }
}
