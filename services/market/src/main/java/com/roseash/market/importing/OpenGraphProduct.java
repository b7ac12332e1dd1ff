package com.roseash.market.importing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.roseash.platform.money.Money;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a product from OpenGraph tags (Etsy, Squarespace, and what Shopify adds beside its JSON-LD). Every page
 * with a share preview has {@code og:title}, so only a page that says it is a product ({@code og:type} product)
 * or states a product price counts: a blog article is not a product.
 */
final class OpenGraphProduct {

    private OpenGraphProduct() {
    }

    static Optional<ImportedProduct> read(Document page, URI pageUrl) {
        String title = PageText.plain(first(page, "og:title"));
        Optional<Money> price = price(page, "product:price").or(() -> price(page, "og:price"));
        boolean saysProduct = first(page, "og:type").strip().toLowerCase(Locale.ROOT).startsWith("product");
        boolean statesPrice = !first(page, "product:price:amount").isBlank() || !first(page, "og:price:amount").isBlank();
        if (title.isEmpty() || !(saysProduct || statesPrice)) {
            return Optional.empty();
        }
        String description = PageText.plain(first(page, "og:description"));
        List<String> images = PageText.imageUrls(page.baseUri(), all(page, "og:image"));
        return Optional.of(new ImportedProduct(title, description, images, price, pageUrl, ImportedProduct.Source.OPEN_GRAPH));
    }

    private static Optional<Money> price(Document page, String prefix) {
        return Prices.exact(first(page, prefix + ":amount"), first(page, prefix + ":currency"));
    }

    private static String first(Document page, String property) {
        List<String> values = all(page, property);
        return values.isEmpty() ? "" : values.getFirst();
    }

    /** OpenGraph says {@code property}; many pages write {@code name}, and browsers' previews accept both. */
    private static List<String> all(Document page, String property) {
        List<String> values = new ArrayList<>();
        for (Element meta : page.select("meta[content]")) {
            boolean named = meta.attr("property").strip().equalsIgnoreCase(property)
                    || meta.attr("name").strip().equalsIgnoreCase(property);
            if (named) {
                values.add(meta.attr("content"));
            }
        }
        return values;
    }
}
