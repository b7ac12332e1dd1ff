package com.roseash.market.importing;

import java.net.URI;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads a product from a shop's page: JSON-LD first (the richest, and what Shopify, WooCommerce and most
 * platforms emit), else microdata, else OpenGraph. One source is used whole rather than merged, so an editor
 * can be told where every field came from.
 */
public final class ProductExtractor {

    /**
     * The product on the page, or empty when the page names none (a title is the least a product needs).
     *
     * @param html    the page
     * @param pageUrl where it was fetched from: relative image addresses resolve against it (or its {@code <base>})
     */
    public Optional<ImportedProduct> extract(String html, URI pageUrl) {
        Document page = Jsoup.parse(html, pageUrl.toString());
        return JsonLdProduct.read(page, pageUrl)
                .or(() -> MicrodataProduct.read(page, pageUrl))
                .or(() -> OpenGraphProduct.read(page, pageUrl));
    }
}
