package com.roseash.blog.embeds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.roseash.platform.fragments.FragmentClient;
import com.roseash.platform.web.Slugs;

/**
 * Other services' cards shown in posts and pages: an author writes {@code [[product:<slug>]]} or
 * {@code [[event:<slug>]]} ({@link CardKind}) as a paragraph of its own, and the page shows the owner's card
 * fragment there. Applied to the stored, sanitised HTML when a page is rendered, not when it is saved, so a card
 * follows the product's price and stock, or the event's date.
 *
 * <p>Only the exact paragraph the Markdown renderer makes of a marker alone is replaced: in a code block the
 * brackets are inside {@code <pre><code>}, within a sentence the paragraph holds other text, and both stay as
 * the author wrote them. A slug that cannot exist ({@link Slugs#isValid}) is left as text and never asked for.
 */
public final class CardEmbeds {

    /** A card to show: of which kind, for which slug. */
    private record Embed(CardKind kind, String slug) {
    }

    private final Map<String, CardKind> kinds;
    private final Pattern marker;
    private final List<String> cues;
    private final BiFunction<CardKind, String, Optional<String>> cards;

    /** The cards of {@code kinds}, asked for through {@code fragments}. */
    public CardEmbeds(FragmentClient fragments, CardKind... kinds) {
        this((kind, slug) -> fragments.fetchForParameters(kind.fragment(), Map.of("slug", slug)), kinds);
    }

    /** @param cards a card by kind and slug; empty when its service is slow, down, or has no such item */
    CardEmbeds(BiFunction<CardKind, String, Optional<String>> cards, CardKind... kinds) {
        this.cards = cards;
        this.kinds = List.of(kinds).stream().collect(Collectors.toMap(CardKind::marker, Function.identity()));
        // The renderer's output for a marker alone on its line; sanitising keeps it as it is.
        this.marker = Pattern.compile("<p>\\[\\[(" + String.join("|", this.kinds.keySet()) + "):([^\\]<]*)]]</p>");
        this.cues = this.kinds.keySet().stream().map(name -> "[[" + name + ":").toList();
    }

    /**
     * {@code html} with each marker replaced by its card, or by a link to the item when its service cannot show
     * one. The cards are asked for in parallel, each once, so a page waits at most one fragment timeout however
     * many it shows.
     */
    public String withCards(String html) {
        if (!hasCue(html)) {
            return html;
        }
        List<Embed> embeds = marker.matcher(html).results().map(this::embed).filter(e -> Slugs.isValid(e.slug()))
                .distinct().toList();
        if (embeds.isEmpty()) {
            return html;
        }
        Map<Embed, String> shown = fetchAll(embeds);
        return replace(html, shown::get);
    }

    /** {@code html} with each marker replaced by a plain link, without asking anyone: for the feed, where forms have no place. */
    public String withLinks(String html) {
        if (!hasCue(html)) {
            return html;
        }
        return replace(html, embed -> embed.kind().link(embed.slug(), ""));
    }

    private boolean hasCue(String html) {
        return cues.stream().anyMatch(html::contains);
    }

    private Embed embed(MatchResult match) {
        return new Embed(kinds.get(match.group(1)), match.group(2));
    }

    private String replace(String html, Function<Embed, String> replacement) {
        return marker.matcher(html).replaceAll(match -> {
            Embed embed = embed(match);
            return Matcher.quoteReplacement(Slugs.isValid(embed.slug()) ? replacement.apply(embed) : match.group());
        });
    }

    private Map<Embed, String> fetchAll(List<Embed> embeds) {
        Map<Embed, String> shown = new LinkedHashMap<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<Embed, Future<Optional<String>>> pending = new LinkedHashMap<>();
            for (Embed embed : embeds) {
                pending.put(embed, executor.submit(() -> cards.apply(embed.kind(), embed.slug())));
            }
            // The post still points readers at the item while its service cannot show the card.
            pending.forEach((embed, card) -> shown.put(embed, join(card)
                    .orElseGet(() -> embed.kind().link(embed.slug(), embed.kind().marker() + "-card-unavailable"))));
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
}
