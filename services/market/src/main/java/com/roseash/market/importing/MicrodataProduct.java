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
 * Reads a schema.org {@code Product} from microdata (Magento, older BigCommerce and WooCommerce themes): the
 * first {@code itemscope} whose {@code itemtype} is schema.org's Product, its own {@code itemprop}s (not those
 * of a brand or review nested in it), and the price from it or from its {@code offers}.
 */
final class MicrodataProduct {

    private MicrodataProduct() {
    }

    static Optional<ImportedProduct> read(Document page, URI pageUrl) {
        Optional<Element> found = page.select("[itemscope][itemtype]").stream().filter(MicrodataProduct::isProduct).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Element product = found.get();
        String title = properties(product, "name").stream().map(e -> PageText.plain(textValue(e)))
                .filter(t -> !t.isEmpty()).findFirst().orElse("");
        if (title.isEmpty()) {
            return Optional.empty();
        }
        String description = properties(product, "description").stream().map(e -> PageText.plain(textValue(e)))
                .filter(t -> !t.isEmpty()).findFirst().orElse("");
        List<String> images = new ArrayList<>();
        for (Element image : properties(product, "image")) {
            images.add(firstAttribute(image, "src", "content", "href"));
        }
        return Optional.of(new ImportedProduct(title, description, PageText.imageUrls(page.baseUri(), images),
                price(product), pageUrl, ImportedProduct.Source.MICRODATA));
    }

    /** The product's own price, else its offers' (an Offer or AggregateOffer nested as {@code itemprop="offers"}). */
    private static Optional<Money> price(Element product) {
        List<Element> scopes = new ArrayList<>();
        scopes.add(product);
        properties(product, "offers").stream().filter(e -> e.hasAttr("itemscope")).forEach(scopes::add);
        for (Element scope : scopes) {
            for (String amountProperty : List.of("price", "lowPrice")) {
                List<Element> amounts = properties(scope, amountProperty);
                List<Element> currencies = properties(scope, "priceCurrency");
                if (!amounts.isEmpty()) {
                    String currency = currencies.isEmpty() ? null : firstAttribute(currencies.getFirst(), "content", null);
                    return Prices.exact(firstAttribute(amounts.getFirst(), "content", null), currency);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isProduct(Element scope) {
        for (String type : scope.attr("itemtype").split("\\s+")) {
            String lower = type.toLowerCase(Locale.ROOT);
            if (lower.equals("http://schema.org/product") || lower.equals("https://schema.org/product")) {
                return true;
            }
        }
        return false;
    }

    /** Elements carrying {@code name} as one of their itemprops whose nearest enclosing itemscope is {@code scope}. */
    private static List<Element> properties(Element scope, String name) {
        List<Element> found = new ArrayList<>();
        for (Element element : scope.select("[itemprop]")) {
            if (element != scope && hasToken(element.attr("itemprop"), name) && nearestScope(element) == scope) {
                found.add(element);
            }
        }
        return found;
    }

    private static boolean hasToken(String tokens, String name) {
        for (String token : tokens.split("\\s+")) {
            if (token.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Element nearestScope(Element element) {
        for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
            if (parent.hasAttr("itemscope")) {
                return parent;
            }
        }
        return null;
    }

    /** The first of these attributes the element has; with {@code null} last, else the element's text. */
    private static String firstAttribute(Element element, String... attributes) {
        for (String attribute : attributes) {
            if (attribute == null) {
                return element.text();
            }
            if (element.hasAttr(attribute)) {
                return element.attr(attribute);
            }
        }
        return "";
    }

    /** A name or description: a {@code <meta>} says it in {@code content}, anything else in its text. */
    private static String textValue(Element element) {
        return element.hasAttr("content") ? element.attr("content") : element.text();
    }
}
