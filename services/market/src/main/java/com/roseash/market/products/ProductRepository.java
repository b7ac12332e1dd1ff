package com.roseash.market.products;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.roseash.platform.db.Columns;
import com.roseash.platform.money.Money;
import com.roseash.platform.web.PageOf;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/** What shoppers see: published products only. Drafts never leave the editor's repository. */
public final class ProductRepository {

    private static final String FIRST_IMAGE = """
            (SELECT i.url FROM market.product_images i WHERE i.product_id = p.id ORDER BY i.position LIMIT 1) AS image""";
    private static final String SUMMARY_COLUMNS = "p.slug, p.title, p.price_minor, p.currency, p.stock, " + FIRST_IMAGE;
    private static final String PUBLISHED = " FROM market.products p WHERE p.status = 'published'";
    private static final String NEWEST_FIRST = " ORDER BY p.published_at DESC, p.id DESC";

    private final DbClient db;

    public ProductRepository(DbClient db) {
        this.db = db;
    }

    public PageOf<ProductSummary> published(int page, int size) {
        return page(PUBLISHED, NEWEST_FIRST, page, size);
    }

    public List<ProductSummary> featured(int count) {
        return db.execute().query("SELECT " + SUMMARY_COLUMNS + PUBLISHED + " AND p.featured" + NEWEST_FIRST + " LIMIT ?", count)
                .map(ProductRepository::summary).toList();
    }

    public PageOf<ProductSummary> inCategory(String categorySlug, int page, int size) {
        String where = PUBLISHED + """
                 AND EXISTS (SELECT 1 FROM market.product_categories pc JOIN market.categories c ON c.id = pc.category_id
                             WHERE pc.product_id = p.id AND c.slug = ?)""";
        return page(where, NEWEST_FIRST, page, size, categorySlug);
    }

    /**
     * Full-text search over title (weighted first) and description, as people type queries: words, "quoted
     * phrases", -excluded words, or ({@code websearch_to_tsquery}, which never fails on odd input).
     */
    public PageOf<ProductSummary> search(String query, int page, int size) {
        String where = PUBLISHED + " AND p.search @@ websearch_to_tsquery('english', ?)";
        String order = " ORDER BY ts_rank(p.search, websearch_to_tsquery('english', ?)) DESC, p.published_at DESC, p.id DESC";
        long total = db.execute().get("SELECT count(*) AS n" + where, query).map(row -> row.column("n").getLong()).orElse(0L);
        List<ProductSummary> items = db.execute()
                .query("SELECT " + SUMMARY_COLUMNS + where + order + " LIMIT ? OFFSET ?", query, query, size, offset(page, size))
                .map(ProductRepository::summary).toList();
        return new PageOf<>(items, page, size, total);
    }

    public Optional<Product> bySlug(String slug) {
        return db.execute().get("""
                SELECT p.*, s.slug AS stall_slug, s.name AS stall_name,
                       (SELECT string_agg(i.url, E'\\n' ORDER BY i.position) FROM market.product_images i
                         WHERE i.product_id = p.id) AS images,
                       (SELECT string_agg(c.slug || E'\\t' || c.name, E'\\n' ORDER BY c.position, c.name)
                          FROM market.product_categories pc JOIN market.categories c ON c.id = pc.category_id
                         WHERE pc.product_id = p.id) AS categories
                  FROM market.products p LEFT JOIN market.stalls s ON s.id = p.stall_id
                 WHERE p.slug = ? AND p.status = 'published'""", slug)
                .map(ProductRepository::product);
    }

    /** True before any product exists: the local stack loads its demo products then. */
    public boolean isEmpty() {
        return db.execute().get("SELECT NOT EXISTS (SELECT 1 FROM market.products) AS empty")
                .map(row -> row.column("empty").getBoolean()).orElse(true);
    }

    private PageOf<ProductSummary> page(String where, String order, int page, int size, Object... parameters) {
        long total = db.execute().get("SELECT count(*) AS n" + where, parameters)
                .map(row -> row.column("n").getLong()).orElse(0L);
        List<Object> all = new ArrayList<>(Arrays.asList(parameters));
        all.add(size);
        all.add(offset(page, size));
        List<ProductSummary> items = db.execute()
                .query("SELECT " + SUMMARY_COLUMNS + where + order + " LIMIT ? OFFSET ?", all.toArray())
                .map(ProductRepository::summary).toList();
        return new PageOf<>(items, page, size, total);
    }

    private static long offset(int page, int size) {
        return (long) (page - 1) * size;
    }

    static Money price(DbRow row) {
        return Money.ofMinor(row.column("price_minor").getLong(), Columns.string(row, "currency"));
    }

    static Stock stock(DbRow row) {
        return Stock.fromColumn(row.column("stock").get(Integer.class));
    }

    private static ProductSummary summary(DbRow row) {
        return new ProductSummary(Columns.string(row, "slug"), Columns.string(row, "title"), price(row),
                Columns.string(row, "image"), stock(row));
    }

    private static Product product(DbRow row) {
        String images = Columns.string(row, "images");
        List<Category> categories = new ArrayList<>();
        for (String line : Columns.string(row, "categories").split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                categories.add(new Category(line.substring(0, tab), line.substring(tab + 1), ""));
            }
        }
        Optional<StallRef> stall = Optional.ofNullable(row.column("stall_slug").get(String.class))
                .map(slug -> new StallRef(slug, Columns.string(row, "stall_name")));
        return new Product(row.column("id").getLong(), Columns.string(row, "slug"), Columns.string(row, "title"),
                Columns.string(row, "html"), price(row), stock(row), images.isEmpty() ? List.of() : List.of(images.split("\n")),
                List.copyOf(categories), stall, Columns.instant(row, "published_at"));
    }
}
