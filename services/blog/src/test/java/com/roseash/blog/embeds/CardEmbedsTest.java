package com.roseash.blog.embeds;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.roseash.platform.markdown.MarkdownRenderer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Markers in the renderer's own output, against a market and events stood in by functions. */
class CardEmbedsTest {

    private static final String MARKET = "https://market.coop.example/";
    private static final String EVENTS = "https://events.coop.example/";
    private static final String FAIR_CARD = "<div class=\"event-card\">Apple fair</div>";
    private static final String JAM_CARD = "<div class=\"product-card\">Damson jam</div>";
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

    private final List<String> asked = new CopyOnWriteArrayList<>();

    /** A market with one product, damson-jam, noting every slug it is asked for. */
    private CardEmbeds embeds() {
        return embeds(slug -> slug.equals("damson-jam") ? Optional.of(JAM_CARD) : Optional.empty());
    }

    private CardEmbeds embeds(Function<String, Optional<String>> market) {
        return new CardEmbeds((kind, slug) -> {
            asked.add(slug);
            if (kind.marker().equals("event")) {
                return slug.equals("apple-fair") ? Optional.of(FAIR_CARD) : Optional.empty();
            }
            return market.apply(slug);
        }, CardKind.product(MARKET), CardKind.event(EVENTS));
    }

    @Test
    void anEventMarkerBecomesTheEventsCardAndALinkToTheCalendarWhenEventsCannotShowIt() {
        String html = embeds().withCards(MARKDOWN.render("Come along:\n\n[[event:apple-fair]]\n\n[[event:gone-fair]]\n\n"
                + "[[product:damson-jam]]"));

        assertThat(html).isEqualTo("<p>Come along:</p>\n" + FAIR_CARD + "\n<p><a class=\"event-card-unavailable\" "
                + "href=\"https://events.coop.example/events/gone-fair/\">See this event in the calendar</a></p>\n" + JAM_CARD + "\n");
        assertThat(asked).containsExactlyInAnyOrder("apple-fair", "gone-fair", "damson-jam");
        assertThat(embeds().withLinks(MARKDOWN.render("[[event:apple-fair]]")))
                .isEqualTo("<p><a href=\"https://events.coop.example/events/apple-fair/\">See this event in the calendar</a></p>\n");
        assertThat(embeds().withCards(MARKDOWN.render("[[meeting:apple-fair]]"))).contains("<p>[[meeting:apple-fair]]</p>");
    }

    @Test
    void theRendererKeepsAMarkerAloneOnItsLineAsAParagraphOfItsOwn() {
        assertThat(MARKDOWN.render("Before.\n\n[[product:damson-jam]]\n\nAfter.")).contains("<p>[[product:damson-jam]]</p>");
    }

    @Test
    void aMarkerOnItsOwnLineBecomesTheProductsCard() {
        String html = embeds().withCards(MARKDOWN.render("Our jam:\n\n[[product:damson-jam]]\n\nEnjoy."));

        assertThat(html).isEqualTo("<p>Our jam:</p>\n" + JAM_CARD + "\n<p>Enjoy.</p>\n");
    }

    @Test
    void aProductTheMarketCannotShowIsALinkToItsPage() {
        String html = embeds().withCards(MARKDOWN.render("[[product:rye-loaf]]"));

        assertThat(html).isEqualTo("<p><a class=\"product-card-unavailable\" href=\"https://market.coop.example/products/rye-loaf/\">"
                + "See this product in the market</a></p>\n");
        assertThat(embeds(slug -> {
            throw new IllegalStateException("the client failed outright");
        }).withCards(MARKDOWN.render("[[product:damson-jam]]"))).contains("class=\"product-card-unavailable\"");
    }

    @Test
    void markersInCodeOrWithinASentenceStayTextAndAreNotAskedFor() {
        String markdown = """
                Try [[product:damson-jam]] today, or `[[product:damson-jam]]`.

                ```
                [[product:damson-jam]]
                ```

                    [[product:damson-jam]]

                [[product:damson-jam]]
                [[product:damson-jam]]
                """;
        String rendered = MARKDOWN.render(markdown);

        assertThat(embeds().withCards(rendered)).isEqualTo(rendered);
        assertThat(asked).isEmpty();
    }

    @Test
    void aSlugThatCannotExistStaysTextAndIsNotAskedFor() {
        String rendered = MARKDOWN.render("[[product:Damson Jam]]\n\n[[product:-jam]]\n\n[[product:]]\n\n[[product:jam/../x]]");

        assertThat(embeds().withCards(rendered)).isEqualTo(rendered).contains("<p>[[product:Damson Jam]]</p>");
        assertThat(asked).isEmpty();
    }

    @Test
    void eachProductIsAskedForOnceAndShownWhereverItsMarkerIs() {
        String html = embeds().withCards(MARKDOWN.render("[[product:damson-jam]]\n\nAgain:\n\n[[product:damson-jam]]"));

        assertThat(html).isEqualTo(JAM_CARD + "\n<p>Again:</p>\n" + JAM_CARD + "\n");
        assertThat(asked).containsExactly("damson-jam");
    }

    @Test
    void severalProductsAreAskedForAtOnce() {
        CountDownLatch bothAsked = new CountDownLatch(2);
        CardEmbeds embeds = embeds(slug -> {
            bothAsked.countDown();
            try {
                // Asked one after the other, the first would wait here for the second until it gave up.
                return bothAsked.await(5, TimeUnit.SECONDS) ? Optional.of("<div>" + slug + "</div>") : Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        });

        String html = embeds.withCards(MARKDOWN.render("[[product:damson-jam]]\n\n[[product:rye-loaf]]"));

        assertThat(html).isEqualTo("<div>damson-jam</div>\n<div>rye-loaf</div>\n");
    }

    @Test
    void theFeedGetsLinksWithoutAskingTheMarket() {
        String html = embeds().withLinks(MARKDOWN.render("[[product:damson-jam]]\n\n`[[product:damson-jam]]`"));

        assertThat(html).startsWith("<p><a href=\"https://market.coop.example/products/damson-jam/\">See this product in the market</a></p>")
                .contains("<code>[[product:damson-jam]]</code>");
        assertThat(asked).isEmpty();
    }

    @Test
    void htmlWithoutMarkersIsReturnedAsItIs() {
        String html = "<p>Nothing to show [here]</p>";

        assertThat(embeds().withCards(html)).isSameAs(html);
        assertThat(embeds().withLinks(html)).isSameAs(html);
        assertThat(asked).isEmpty();
    }
}
