package com.roseash.market.importing;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.roseash.platform.money.Money;

/**
 * A product as read from someone else's page, for an editor to check before it becomes ours.
 *
 * @param title       the product's name, plain text; never blank
 * @param description plain text, trimmed; empty when the page has none
 * @param imageUrls   absolute http(s) URLs, resolved against the page, each once, in the page's order
 * @param price       present only when the page states an amount and a currency that read exactly
 * @param sourceUrl   the page the product was read from (after redirects)
 * @param source      which markup the product was read from
 */
public record ImportedProduct(String title, String description, List<String> imageUrls, Optional<Money> price,
                              URI sourceUrl, Source source) {

    /** The markup a product was read from; the first that names a product wins, in this order. */
    public enum Source {
        JSON_LD,
        MICRODATA,
        OPEN_GRAPH
    }

    public ImportedProduct {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("an imported product needs a title");
        }
        Objects.requireNonNull(description, "description");
        imageUrls = List.copyOf(imageUrls);
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(source, "source");
    }
}
