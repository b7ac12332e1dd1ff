package com.roseash.market.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.roseash.market.importing.ImportRefused;
import com.roseash.market.importing.ImportedProduct;
import com.roseash.market.importing.ProductImporter;
import com.roseash.market.products.Category;
import com.roseash.market.products.CategoryRepository;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.cache.PageCache;
import com.roseash.platform.markdown.MarkdownRenderer;
import com.roseash.platform.web.FormData;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Slugs;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The market's editor, for editors only: products (write, preview, publish, unpublish), stalls and categories.
 * Every change empties the market's page cache, here and in every replica, so shoppers see it at once.
 */
public final class MarketEditorRoutes implements HttpService {

    public static final String MOUNT = "/editor";

    private final EditorRepository editor;
    private final CategoryRepository categories;
    private final MarkdownRenderer markdown;
    private final PageRenderer renderer;
    private final PageCache pages;
    private final Roles roles;
    private final ProductImporter importer;

    public MarketEditorRoutes(EditorRepository editor, CategoryRepository categories, MarkdownRenderer markdown,
                              PageRenderer renderer, PageCache pages, Roles roles, ProductImporter importer) {
        this.importer = importer;
        this.editor = editor;
        this.categories = categories;
        this.markdown = markdown;
        this.renderer = renderer;
        this.pages = pages;
        this.roles = roles;
    }

    /** A category as the product form offers it. */
    record CategoryChoice(Category category, boolean checked) {
    }

    /** A stall as the product form offers it. */
    record StallChoice(Stall stall, boolean selected) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", editors(this::list))
                .post("/categories", editors(this::createCategory))
                .get("/products/new", editors((req, res) -> productForm(req, res, Status.OK_200, newProduct(), Map.of())))
                .post("/products/new", editors(this::createProduct))
                .get("/products/{id}/", editors(this::editProduct))
                .post("/products/{id}/", editors(this::saveProduct))
                .get("/import", editors((req, res) -> importForm(req, res, Status.OK_200, "", "")))
                .post("/import", editors(this::importProduct))
                .get("/stalls/new", editors((req, res) -> stallForm(req, res, Status.OK_200, Map.of("isNew", true))))
                .post("/stalls/new", editors(this::createStall))
                .get("/stalls/{id}/", editors(this::editStall))
                .post("/stalls/{id}/", editors(this::saveStall));
    }

    private Handler editors(Handler handler) {
        return roles.require("editor", handler);
    }

    private void list(ServerRequest request, ServerResponse response) {
        list(request, response, Status.OK_200, "");
    }

    private void list(ServerRequest request, ServerResponse response, Status status, String categoryProblem) {
        renderer.renderStatus(request, response, status, new Page("Market editor", "market/editor/list", Map.of(
                "products", editor.products(), "stalls", editor.stalls(), "categories", categories.all(),
                "categoryProblem", categoryProblem)));
    }

    private void createCategory(ServerRequest request, ServerResponse response) {
        Parameters form = FormData.of(request);
        String name = form.first("name").orElse("").strip();
        String slug = Slugs.slugify(name);
        if (name.isEmpty() || name.length() > 80) {
            list(request, response, Status.BAD_REQUEST_400, "A category needs a name of 1 to 80 characters.");
        } else if (!editor.createCategory(slug, name)) {
            list(request, response, Status.BAD_REQUEST_400, "There is a category at " + slug + " already.");
        } else {
            pages.clear();
            redirect(response, MOUNT + "/");
        }
    }

    private void createProduct(ServerRequest request, ServerResponse response) {
        Parameters form = FormData.of(request);
        ProductDraft draft = ProductDraft.from(form);
        Map<String, String> problems = new HashMap<>(draft.problems());
        if (problems.isEmpty()) {
            Optional<Long> id = editor.create(draft);
            if (id.isPresent()) {
                if ("publish".equals(form.first("action").orElse(""))) {
                    editor.publish(id.get());
                }
                pages.clear();
                redirect(response, MOUNT + "/products/" + id.get() + "/");
                return;
            }
            problems.put("slug", "Another product has this address already.");
        }
        productForm(request, response, Status.BAD_REQUEST_400, Map.of("isNew", true, "product", draft), problems);
    }

    private void editProduct(ServerRequest request, ServerResponse response) {
        EditableProduct product = product(request);
        productForm(request, response, Status.OK_200, Map.of("product", product.fields(), "id", product.id(),
                "published", product.published(), "preview", markdown.render(product.fields().markdown())), Map.of());
    }

    private void saveProduct(ServerRequest request, ServerResponse response) {
        EditableProduct existing = product(request);
        Parameters form = FormData.of(request);
        String action = form.first("action").orElse("save");
        if (action.equals("unpublish")) {
            editor.unpublish(existing.id());
            pages.clear();
            redirect(response, MOUNT + "/products/" + existing.id() + "/");
            return;
        }
        ProductDraft draft = ProductDraft.from(form);
        Map<String, String> problems = new HashMap<>(draft.problems());
        Map<String, Object> model = Map.of("product", draft, "id", existing.id(), "published", existing.published(),
                "preview", markdown.render(draft.markdown()), "previewing", true);
        if (action.equals("preview") || !problems.isEmpty()) {
            productForm(request, response, problems.isEmpty() ? Status.OK_200 : Status.BAD_REQUEST_400, model, problems);
            return;
        }
        if (!editor.update(existing.id(), draft)) {
            productForm(request, response, Status.BAD_REQUEST_400, model,
                    Map.of("slug", "Another product has this address already."));
            return;
        }
        if (action.equals("publish")) {
            editor.publish(existing.id());
        }
        pages.clear();
        redirect(response, MOUNT + "/products/" + existing.id() + "/");
    }

    private void productForm(ServerRequest request, ServerResponse response, Status status, Map<String, Object> fields,
                             Map<String, String> problems) {
        ProductDraft product = (ProductDraft) fields.get("product");
        Map<String, Object> model = new HashMap<>(fields);
        model.put("problems", problems);
        model.put("categoryChoices", categories.all().stream()
                .map(c -> new CategoryChoice(c, product.categories().contains(c.slug()))).toList());
        model.put("stallChoices", editor.stalls().stream()
                .map(s -> new StallChoice(s, s.fields().slug().equals(product.stall()))).toList());
        String title = fields.containsKey("isNew") ? "New product" : "Edit " + product.title();
        renderer.renderStatus(request, response, status, new Page(title, "market/editor/product-form", model));
    }

    /**
     * Reads a product from a shop's page into the new-product form, unsaved: the editor reviews it, sets what the
     * page did not say (a price, at least) and saves it as a draft. A refusal is shown on the import page.
     */
    private void importProduct(ServerRequest request, ServerResponse response) {
        String url = FormData.of(request).first("url").orElse("").strip();
        if (url.isEmpty()) {
            importForm(request, response, Status.BAD_REQUEST_400, url, "Paste the address of a product's page.");
            return;
        }
        ImportedProduct imported;
        try {
            imported = importer.importFrom(url);
        } catch (ImportRefused refused) {
            importForm(request, response, Status.UNPROCESSABLE_CONTENT_422, url, refused.message());
            return;
        }
        ProductDraft draft = new ProductDraft(imported.title(), Slugs.slugify(imported.title()), imported.description(),
                imported.price().map(p -> p.major().toPlainString()).orElse(""),
                imported.price().map(p -> p.currency().getCurrencyCode()).orElse("GBP"), "", false,
                imported.imageUrls().stream().filter(ProductDraft::isSecureImage).limit(ProductDraft.MAX_IMAGES).toList(),
                List.of(), "",
                imported.sourceUrl().toString());
        Map<String, String> problems = imported.price().isPresent() ? Map.of()
                : Map.of("price", "The page names no price we could read exactly: set one.");
        productForm(request, response, Status.OK_200, Map.of("isNew", true, "product", draft, "imported", true), problems);
    }

    private void importForm(ServerRequest request, ServerResponse response, Status status, String url, String problem) {
        renderer.renderStatus(request, response, status, new Page("Import a product", "market/editor/import",
                Map.of("url", url, "problem", problem)));
    }

    private static Map<String, Object> newProduct() {
        return Map.of("isNew", true, "product", new ProductDraft("", "", "", "", "GBP", "", false, List.of(), List.of(), "", ""));
    }

    private void createStall(ServerRequest request, ServerResponse response) {
        StallDraft draft = StallDraft.from(FormData.of(request));
        Map<String, String> problems = new HashMap<>(draft.problems());
        if (problems.isEmpty()) {
            if (editor.createStall(draft).isPresent()) {
                pages.clear();
                redirect(response, MOUNT + "/");
                return;
            }
            problems.put("slug", "Another stall has this address already.");
        }
        stallForm(request, response, Status.BAD_REQUEST_400, Map.of("isNew", true, "stall", draft, "problems", problems));
    }

    private void editStall(ServerRequest request, ServerResponse response) {
        Stall stall = stall(request);
        stallForm(request, response, Status.OK_200, Map.of("stall", stall.fields(), "id", stall.id()));
    }

    private void saveStall(ServerRequest request, ServerResponse response) {
        Stall existing = stall(request);
        StallDraft draft = StallDraft.from(FormData.of(request));
        Map<String, String> problems = new HashMap<>(draft.problems());
        if (problems.isEmpty() && !editor.updateStall(existing.id(), draft)) {
            problems.put("slug", "Another stall has this address already.");
        }
        if (!problems.isEmpty()) {
            stallForm(request, response, Status.BAD_REQUEST_400,
                    Map.of("stall", draft, "id", existing.id(), "problems", problems));
            return;
        }
        pages.clear();
        redirect(response, MOUNT + "/");
    }

    private void stallForm(ServerRequest request, ServerResponse response, Status status, Map<String, Object> model) {
        renderer.renderStatus(request, response, status, new Page("Stall", "market/editor/stall-form", model));
    }

    private EditableProduct product(ServerRequest request) {
        return editor.product(id(request)).orElseThrow(() -> new NotFoundException("There is no such product."));
    }

    private Stall stall(ServerRequest request) {
        return editor.stall(id(request)).orElseThrow(() -> new NotFoundException("There is no such stall."));
    }

    private static long id(ServerRequest request) {
        String raw = request.path().pathParameters().get("id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is nothing at " + raw + ".");
        }
    }

    private static void redirect(ServerResponse response, String location) {
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).send();
    }
}
