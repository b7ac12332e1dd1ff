package com.roseash.market.products;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.roseash.contract.ServiceName;
import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageOf;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Paging;
import com.roseash.platform.web.Slugs;
import com.roseash.platform.web.TrailingSlash;
import io.helidon.http.NotFoundException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The shopper's pages: the market's home (featured products, categories, the newest products), a category,
 * a product, and search. Links are relative, so every one stays boosted.
 */
public final class ProductRoutes implements HttpService {

    /** Longer queries are refused: nobody types them, and each word costs the search. */
    public static final int MAX_QUERY_LENGTH = 200;
    private static final int FEATURED = 4;

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final PageRenderer renderer;
    private final int pageSize;

    public ProductRoutes(ProductRepository products, CategoryRepository categories, PageRenderer renderer, int pageSize) {
        this.products = products;
        this.categories = categories;
        this.renderer = renderer;
        this.pageSize = pageSize;
    }

    /** A product in a list, with the path prefix that makes its relative link work where the list is shown. */
    record ListItem(ProductSummary product, String base) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::home)
                .get("/search", this::search)
                .get("/products/{slug}/", this::product)
                .get("/products/{slug}", TrailingSlash::redirect)
                .get("/category/{slug}/", this::category)
                .get("/category/{slug}", TrailingSlash::redirect);
    }

    private void home(ServerRequest request, ServerResponse response) {
        int page = Paging.pageNumber(request);
        renderer.renderShared(request, response, () -> {
            PageOf<ProductSummary> newest = Paging.requireExists(products.published(page, pageSize));
            Map<String, Object> model = listModel(newest, "", "");
            List<ListItem> featured = page == 1 ? items(products.featured(FEATURED), "") : List.of();
            List<Category> all = categories.all();
            model.put("featured", featured);
            model.put("hasFeatured", !featured.isEmpty());
            model.put("categories", all);
            model.put("hasCategories", !all.isEmpty());
            return new Page(page == 1 ? "Market" : "Market, page " + page, "market/home", model);
        });
    }

    private void category(ServerRequest request, ServerResponse response) {
        String slug = Slugs.fromPath(request, "category");
        int page = Paging.pageNumber(request);
        renderer.renderShared(request, response, () -> {
            Category category = categories.bySlug(slug)
                    .orElseThrow(() -> new NotFoundException("There is no category " + slug + "."));
            Map<String, Object> model = listModel(Paging.requireExists(products.inCategory(slug, page, pageSize)), "../../", "");
            model.put("category", category);
            return new Page(category.name(), "market/category", model);
        });
    }

    private void product(ServerRequest request, ServerResponse response) {
        String slug = Slugs.fromPath(request, "product");
        renderer.renderShared(request, response, () -> {
            Product product = products.bySlug(slug)
                    .orElseThrow(() -> new NotFoundException("There is no product called " + slug + "."));
            return new Page(product.title(), "market/product", Map.of("product", product,
                    "hasCategories", !product.categories().isEmpty(), "hasImages", !product.images().isEmpty(),
                    "stallName", product.stall().map(StallRef::name).orElse(""),
                    "cartUrl", renderer.site().links().get(ServiceName.CART.id()),
                    "returnUrl", renderer.site().publicUrl() + "products/" + slug + "/"));
        });
    }

    private void search(ServerRequest request, ServerResponse response) {
        String query = request.query().first("q").orElse("").strip();
        if (query.length() > MAX_QUERY_LENGTH) {
            throw ErrorResponses.badRequest("A search is at most " + MAX_QUERY_LENGTH + " characters.");
        }
        int page = Paging.pageNumber(request);
        // Results depend on the query alone: shared like any page, keyed by its URL.
        renderer.renderShared(request, response, () -> {
            Map<String, Object> model;
            if (query.isEmpty()) {
                model = new HashMap<>();
            } else {
                PageOf<ProductSummary> found = Paging.requireExists(products.search(query, page, pageSize));
                model = listModel(found, "", "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&");
                model.put("searched", true);
            }
            model.put("query", query);
            return new Page(query.isEmpty() ? "Search" : "Search: " + query, "market/search", model);
        });
    }

    private static Map<String, Object> listModel(PageOf<ProductSummary> page, String base, String queryPrefix) {
        Map<String, Object> model = new HashMap<>();
        model.put("products", page);
        model.put("items", items(page.items(), base));
        model.put("queryPrefix", queryPrefix);
        if (page.hasPrevious()) {
            model.put("previousPage", page.page() - 1);
        }
        if (page.hasNext()) {
            model.put("nextPage", page.page() + 1);
        }
        return model;
    }

    private static List<ListItem> items(List<ProductSummary> products, String base) {
        return products.stream().map(p -> new ListItem(p, base)).toList();
    }
}
