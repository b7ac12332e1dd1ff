package com.roseash.market.fragments;

import java.util.List;
import java.util.Map;

import com.roseash.market.products.ProductRepository;
import com.roseash.market.products.ProductSummary;
import com.roseash.platform.fragments.FragmentRoutes;
import com.roseash.platform.web.Slugs;
import com.roseash.platform.web.Templates;
import io.helidon.http.BadRequestException;
import io.helidon.http.NotFoundException;
import io.helidon.webserver.http.ServerRequest;

/**
 * The market's fragments for other services' pages: {@code product-card?slug=} (a post can show a product)
 * and {@code featured-products}. Their links are absolute, to the market's own host, since they are shown on
 * another's.
 */
public final class ProductFragments {

    public static final String PRODUCT_CARD = "product-card";
    public static final String FEATURED_PRODUCTS = "featured-products";
    private static final int FEATURED = 4;

    private final ProductRepository products;
    private final Templates templates;
    private final String marketUrl;
    private final String cartUrl;

    /**
     * @param marketUrl the market's public address, ending in "/"
     * @param cartUrl   cart's, ending in "/": a card's "Add to cart" posts there
     */
    public ProductFragments(ProductRepository products, Templates templates, String marketUrl, String cartUrl) {
        this.products = products;
        this.templates = templates;
        this.marketUrl = marketUrl;
        this.cartUrl = cartUrl;
    }

    public FragmentRoutes addTo(FragmentRoutes routes) {
        return routes.addFor(PRODUCT_CARD, this::productCard).add(FEATURED_PRODUCTS, this::featuredProducts);
    }

    String productCard(ServerRequest request) {
        String slug = request.query().first("slug")
                .orElseThrow(() -> new BadRequestException("product-card needs ?slug="));
        if (!Slugs.isValid(slug)) {
            throw new NotFoundException("There is no product " + slug + ".");
        }
        ProductSummary product = products.bySlug(slug).map(p -> p.summary())
                .orElseThrow(() -> new NotFoundException("There is no product " + slug + "."));
        return templates.render("market/fragments/product-card", Map.of("product", product, "marketUrl", marketUrl,
                "cartUrl", cartUrl));
    }

    String featuredProducts() {
        List<ProductSummary> featured = products.featured(FEATURED);
        return templates.render("market/fragments/featured-products", Map.of("products", featured, "marketUrl", marketUrl,
                "hasProducts", !featured.isEmpty()));
    }
}
