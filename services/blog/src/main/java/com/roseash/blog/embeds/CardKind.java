package com.roseash.blog.embeds;

import com.roseash.contract.ServiceName;
import com.roseash.platform.fragments.Fragment;
import com.roseash.platform.web.Html;

/**
 * What an author can embed in a post with {@code [[<marker>:<slug>]]}: another service's card fragment, and where
 * a reader is sent when that service cannot show the card.
 *
 * @param marker   the word before the colon: {@code product}, {@code event}
 * @param fragment the card, asked for with its {@code slug}
 * @param baseUrl  the owning service's public address, ending in "/"
 * @param path     the item's page under it, before the slug: {@code products/}
 * @param linkText the fallback link's text
 */
public record CardKind(String marker, Fragment fragment, String baseUrl, String path, String linkText) {

    public static CardKind product(String marketUrl) {
        return new CardKind("product", new Fragment(ServiceName.MARKET, "product-card"), marketUrl, "products/",
                "See this product in the market");
    }

    public static CardKind event(String eventsUrl) {
        return new CardKind("event", new Fragment(ServiceName.EVENTS, "event-card"), eventsUrl, "events/",
                "See this event in the calendar");
    }

    /** The item's page; the slug is valid, so only the configured address could need escaping. */
    String url(String slug) {
        return Html.escape(baseUrl) + path + slug + "/";
    }

    /** The link shown instead of a card: in the feed, and while the owner cannot show it. */
    String link(String slug, String cssClass) {
        return "<p><a" + (cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"") + " href=\"" + url(slug) + "\">"
                + linkText + "</a></p>";
    }
}
