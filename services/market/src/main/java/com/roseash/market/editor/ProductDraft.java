package com.roseash.market.editor;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.roseash.market.products.Stock;
import com.roseash.platform.money.Money;
import com.roseash.platform.web.Slugs;
import io.helidon.common.parameters.Parameters;

/**
 * What the product form sent, as typed, checked field by field. The price is parsed exactly ({@link Money});
 * an empty stock is unlimited.
 *
 * @param images     image URLs, one per line in the form
 * @param categories the slugs of the categories ticked
 * @param stall      the slug of the stall selling it, or empty
 */
public record ProductDraft(String title, String slug, String markdown, String price, String currency, String stock,
                           boolean featured, List<String> images, List<String> categories, String stall, String sourceUrl) {

    public static final int MAX_IMAGES = 12;

    public static ProductDraft from(Parameters form) {
        String title = form.first("title").orElse("").strip();
        String slug = form.first("slug").orElse("").strip();
        List<String> images = new ArrayList<>(new LinkedHashSet<>(form.first("images").orElse("").lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList()));
        List<String> categories = form.all("category", List::of).stream().map(String::strip).distinct().toList();
        return new ProductDraft(title, slug.isEmpty() ? Slugs.slugify(title) : slug, form.first("markdown").orElse(""),
                form.first("price").orElse("").strip(), form.first("currency").orElse("GBP").strip().toUpperCase(Locale.ROOT),
                form.first("stock").orElse("").strip(), form.first("featured").isPresent(), List.copyOf(images),
                categories, form.first("stall").orElse("").strip(), form.first("sourceUrl").orElse("").strip());
    }

    /** The images as the form shows them. */
    public String imageLines() {
        return String.join("\n", images);
    }

    /** The price; call only when {@link #problems()} is empty. */
    public Money money() {
        return Money.parse(price, currency);
    }

    /** The stock; call only when {@link #problems()} is empty. */
    public Stock stockLevel() {
        return stock.isEmpty() ? Stock.unlimitedStock() : Stock.of(Integer.parseInt(stock));
    }

    /** Field name to what is wrong with it; empty when the draft can be saved. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title.isEmpty() || title.length() > 200) {
            problems.put("title", "A title of 1 to 200 characters is needed.");
        }
        if (!Slugs.isValid(slug)) {
            problems.put("slug", "The address may hold lowercase letters, digits and single dashes only.");
        }
        if (markdown.length() > 100_000) {
            problems.put("markdown", "The description is longer than 100,000 characters.");
        }
        try {
            if (Money.parse(price, currency).isNegative()) {
                problems.put("price", "A price cannot be negative.");
            }
        } catch (IllegalArgumentException e) {
            problems.put("price", "The price: " + e.getMessage() + ".");
        }
        if (!stock.isEmpty() && !stock.matches("[0-9]{1,9}")) {
            problems.put("stock", "Stock is a whole number of items, or empty for unlimited.");
        }
        // https only: the pages' Content-Security-Policy loads images from https and this site alone, and an http
        // image on an https page would be blocked as mixed content anyway.
        if (images.size() > MAX_IMAGES || !images.stream().allMatch(ProductDraft::isSecureImage)) {
            problems.put("images", "Up to " + MAX_IMAGES + " image addresses, each starting with https://.");
        }
        if (!sourceUrl.isEmpty() && !isWebAddress(sourceUrl)) {
            problems.put("sourceUrl", "The source must be a web address.");
        }
        return problems;
    }

    static boolean isSecureImage(String url) {
        return url.regionMatches(true, 0, "https://", 0, 8) && isWebAddress(url);
    }

    static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && url.length() <= 2000;
        } catch (Exception e) {
            return false;
        }
    }
}
