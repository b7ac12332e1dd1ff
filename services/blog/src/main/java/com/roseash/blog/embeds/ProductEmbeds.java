package com.roseash.blog.embeds;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.roseash.contract.ServiceName;
import com.roseash.platform.fragments.Fragment;
import com.roseash.platform.fragments.FragmentClient;
import com.roseash.platform.web.Html;
import com.roseash.platform.web.Slugs;

/**
 * Products shown in posts and pages: an author writes {@code [[product:<slug>]]} as a paragraph of its own,
 * and the page shows the market's {@code product-card} fragment there. Applied to the stored, sanitised HTML
 * when a page is rendered, not when it is saved, so a card follows the product's price and stock.
 *
 * <p>Only the exact paragraph the Markdown renderer makes of a marker alone is replaced: in a code block the
 * brackets are inside {@code <pre><code>}, within a sentence the paragraph holds other text, and both stay as
 * the author wrote them. A slug that cannot exist ({@link Slugs#isValid}) is left as text and never asked for.
 */
public final class ProductEmbeds {

    public static final Fragment PRODUCT_CARD = new Fragment(ServiceName.MARKET, "product-card");

    /** The renderer's output for a marker alone on its line; sanitising keeps it as it is. */
    private static final Pattern MARKER = Pattern.compile("<p>\\[\\[product:([^\\]<]*)]]</p>");
    private static final String CUE = "[[product:";

    private final Function<String, Optional<String>> cards;
    private final String marketUrl;

    /**
     * @param marketUrl the market's public address, ending in "/": where a card that cannot be shown links to
     */
    public ProductEmbeds(FragmentClient fragments, String marketUrl) {
        this(slug -> fragments.fetchForParameters(PRODUCT_CARD, Map.of("slug", slug)), marketUrl);
    }

    /** @param cards a product's card by slug; empty when the market is slow, down, or has no such product */
    ProductEmbeds(Function<String, Optional<String>> cards, String marketUrl) {
        this.cards = cards;
        this.marketUrl = marketUrl;
    }

    /**
     * {@code html} with each marker replaced by its product's card, or by a link to the product when the market
     * cannot show one. The cards are asked for in parallel, each product once, so a page waits at most one
     * fragment timeout however many it shows.
     */
    public String withCards(String html) {
        if (!html.contains(CUE)) {
            return html;
        }
        Set<String> slugs = new LinkedHashSet<>();
        MARKER.matcher(html).results().map(match -> match.group(1)).filter(Slugs::isValid).forEach(slugs::add);
        if (slugs.isEmpty()) {
            return html;
        }
        Map<String, String> shown = fetchAll(slugs);
        return replace(html, slug -> shown.get(slug));
    }

    /**
     * {@code html} with each marker replaced by a plain link to the product, without asking the market: for the
     * feed, where an "Add to cart" form has no place.
     */
    public String withLinks(String html) {
        if (!html.contains(CUE)) {
            return html;
        }
        return replace(html, slug -> "<p><a href=\"" + productUrl(slug) + "\">See this product in the market</a></p>");
    }

    private static String replace(String html, Function<String, String> replacement) {
        return MARKER.matcher(html).replaceAll(match -> Slugs.isValid(match.group(1))
                ? Matcher.quoteReplacement(replacement.apply(match.group(1)))
                : Matcher.quoteReplacement(match.group()));
    }

    private Map<String, String> fetchAll(Set<String> slugs) {
        Map<String, String> shown = new LinkedHashMap<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<String, Future<Optional<String>>> pending = new LinkedHashMap<>();
            for (String slug : slugs) {
                pending.put(slug, executor.submit(() -> cards.apply(slug)));
            }
            pending.forEach((slug, card) -> shown.put(slug, join(card).orElseGet(() -> unavailable(slug))));
        }
        return shown;
    }

    /** The card, or empty when asking failed in a way the fragment client did not turn into empty itself. */
    private static Optional<String> join(Future<Optional<String>> card) {
        try {
            return card.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /** The post still points readers at the product while the market cannot show its card. */
    private String unavailable(String slug) {
        return "<p><a class=\"product-card-unavailable\" href=\"" + productUrl(slug)
                + "\">See this product in the market</a></p>";
    }

    private String productUrl(String slug) {
        // The slug is valid, so only the configured address could need escaping.
        return Html.escape(marketUrl) + "products/" + slug + "/";
    }
}
