package com.roseash.market.importing;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.roseash.platform.money.Money;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a schema.org {@code Product} (or {@code ProductGroup}) from a page's JSON-LD scripts, in the shapes shop
 * platforms emit: several scripts, top-level arrays, a {@code @graph} (Yoast), {@code @id} references to other
 * nodes of the page, {@code @type} as a string or a list, offers as {@code Offer}, {@code AggregateOffer}, a
 * list, or with the price in a {@code priceSpecification} (WooCommerce).
 */
final class JsonLdProduct {

    // Numbers as BigDecimal, never double: a price goes from here to Money exactly. Shops also write raw
    // newlines inside strings and trailing commas; accepting those costs nothing and loses no meaning.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    /** Price types that are not what the product costs now (WooCommerce lists the regular price of a sale). */
    private static final Set<String> NOT_THE_PRICE = Set.of("ListPrice", "StrikethroughPrice", "MSRP", "SRP");

    /** How deep containers and offers are followed: references can form a loop, and real markup is shallow. */
    private static final int MAX_DEPTH = 8;

    private final Map<String, JsonNode> nodesById = new HashMap<>();

    private JsonLdProduct() {
    }

    static Optional<ImportedProduct> read(Document page, URI pageUrl) {
        return new JsonLdProduct().readPage(page, pageUrl);
    }

    private Optional<ImportedProduct> readPage(Document page, URI pageUrl) {
        List<JsonNode> roots = new ArrayList<>();
        for (Element script : page.select("script[type]")) {
            if (!script.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
                continue;
            }
            try {
                JsonNode root = JSON.readTree(script.data());
                if (root != null) {
                    roots.add(root);
                }
            } catch (JsonProcessingException malformed) {
                // One broken script (a theme's template error) says nothing about the others or the fallbacks.
            }
        }
        roots.forEach(this::indexIds);
        List<JsonNode> groups = new ArrayList<>();
        List<JsonNode> products = new ArrayList<>();
        roots.forEach(root -> collectProducts(root, groups, products, 0));
        // A variant's page describes the group and its variants; the group is the thing an editor imports.
        for (List<JsonNode> candidates : List.of(groups, products)) {
            for (JsonNode candidate : candidates) {
                String title = PageText.plain(text(candidate.get("name")));
                if (!title.isEmpty()) {
                    return Optional.of(product(candidate, title, page, pageUrl));
                }
            }
        }
        return Optional.empty();
    }

    private ImportedProduct product(JsonNode node, String title, Document page, URI pageUrl) {
        List<String> images = new ArrayList<>();
        collectImages(node.get("image"), images);
        Optional<Money> price = priceOfOffers(node.get("offers"));
        if (types(node).contains("ProductGroup")) {
            // Google's variant markup may put images on the variants only; better theirs than none.
            boolean groupHasImages = !images.isEmpty();
            for (JsonNode variant : list(node.get("hasVariant"))) {
                price = price.or(() -> priceOfOffers(variant.get("offers")));
                if (!groupHasImages) {
                    collectImages(variant.get("image"), images);
                }
            }
        }
        String description = PageText.plain(text(node.get("description")));
        return new ImportedProduct(title, description, PageText.imageUrls(page.baseUri(), images), price, pageUrl,
                ImportedProduct.Source.JSON_LD);
    }

    private void indexIds(JsonNode node) {
        if (node.isArray()) {
            node.forEach(this::indexIds);
        } else if (node.isObject()) {
            JsonNode id = node.get("@id");
            if (id != null && id.isTextual() && node.size() > 1) {
                nodesById.putIfAbsent(id.asText(), node);
            }
            node.forEach(this::indexIds);
        }
    }

    private void collectProducts(JsonNode node, List<JsonNode> groups, List<JsonNode> products, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> collectProducts(item, groups, products, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Set<String> types = types(node);
        if (types.contains("ProductGroup")) {
            addOnce(groups, node);
        } else if (types.contains("Product")) {
            addOnce(products, node);
        }
        for (String container : List.of("@graph", "mainEntity")) {
            JsonNode inner = node.get(container);
            if (inner != null) {
                collectProducts(resolve(inner), groups, products, depth + 1);
            }
        }
    }

    private static void addOnce(List<JsonNode> nodes, JsonNode node) {
        if (nodes.stream().noneMatch(seen -> seen == node)) {
            nodes.add(node);
        }
    }

    private Optional<Money> priceOfOffers(JsonNode offers) {
        return priceOfOffers(offers, 0);
    }

    /** Offers as one offer or a list: the first that states a price exactly. */
    private Optional<Money> priceOfOffers(JsonNode offers, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        for (JsonNode offer : list(offers)) {
            Optional<Money> price = priceOfOffer(offer, depth);
            if (price.isPresent()) {
                return price;
            }
        }
        return Optional.empty();
    }

    private Optional<Money> priceOfOffer(JsonNode offer, int depth) {
        String currency = text(offer.get("priceCurrency"));
        String amount = null;
        if (types(offer).contains("AggregateOffer")) {
            amount = amount(offer.get("lowPrice"));
        }
        if (amount == null) {
            amount = amount(offer.get("price"));
        }
        if (amount != null) {
            return Prices.exact(amount, currency);
        }
        List<JsonNode> specifications = list(offer.get("priceSpecification"));
        for (boolean currentOnly : new boolean[] {true, false}) {
            for (JsonNode specification : specifications) {
                if (currentOnly && NOT_THE_PRICE.contains(localName(text(specification.get("priceType"))))) {
                    continue;
                }
                String specified = amount(specification.get("price"));
                if (specified != null) {
                    String specifiedCurrency = text(specification.get("priceCurrency"));
                    return Prices.exact(specified, specifiedCurrency.isEmpty() ? currency : specifiedCurrency);
                }
            }
        }
        // An AggregateOffer without a low price may still list its offers.
        return priceOfOffers(offer.get("offers"), depth + 1);
    }

    private void collectImages(JsonNode image, List<String> into) {
        for (JsonNode item : list(image)) {
            if (item.isTextual()) {
                into.add(item.asText());
            } else if (item.isObject()) {
                String url = text(item.get("url"));
                into.add(url.isEmpty() ? text(item.get("contentUrl")) : url);
            }
        }
    }

    /** A value as a list of nodes, each with its {@code @id} reference followed: one value, a list, or nothing. */
    private List<JsonNode> list(JsonNode value) {
        List<JsonNode> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (value.isArray()) {
            value.forEach(item -> items.add(resolve(item)));
        } else {
            items.add(resolve(value));
        }
        return items;
    }

    /** {"@id": "…#primaryimage"} alone is a reference to a node elsewhere on the page (Yoast's graph). */
    private JsonNode resolve(JsonNode node) {
        if (node.isObject() && node.size() == 1 && node.has("@id")) {
            return nodesById.getOrDefault(node.get("@id").asText(), node);
        }
        return node;
    }

    private static Set<String> types(JsonNode node) {
        Set<String> types = new HashSet<>();
        JsonNode type = node.get("@type");
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(localName(t.asText())));
        } else if (type != null && type.isTextual()) {
            types.add(localName(type.asText()));
        }
        return types;
    }

    /** "https://schema.org/Product", "schema:Product" and "Product" are one type. */
    private static String localName(String type) {
        String name = type.strip();
        int cut = Math.max(name.lastIndexOf('/'), Math.max(name.lastIndexOf(':'), name.lastIndexOf('#')));
        return name.substring(cut + 1);
    }

    /** A price as written: "24.00" or 24.0 (a BigDecimal here, so written back exactly). */
    private static String amount(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isTextual() && !value.asText().isBlank()) {
            return value.asText();
        }
        return null;
    }

    /** Text as JSON-LD writes it: a string, a list of strings (the first), or {"@value": "…"}. */
    private static String text(JsonNode value) {
        if (value == null) {
            return "";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                String text = text(item);
                if (!text.isEmpty()) {
                    return text;
                }
            }
            return "";
        }
        if (value.isObject() && value.has("@value")) {
            return text(value.get("@value"));
        }
        return "";
    }
}
