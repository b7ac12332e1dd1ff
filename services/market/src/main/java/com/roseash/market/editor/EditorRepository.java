package com.roseash.market.editor;

import java.util.List;
import java.util.Optional;

import com.roseash.market.products.Stock;
import com.roseash.platform.db.Columns;
import com.roseash.platform.db.Transactions;
import com.roseash.platform.markdown.MarkdownRenderer;
import com.roseash.platform.money.Money;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** Writes for editors: every product, drafts included, and the stalls. Descriptions are rendered and sanitised on save. */
public final class EditorRepository {

    private static final String PRODUCT = """
            SELECT p.*, s.slug AS stall_slug,
                   (SELECT string_agg(i.url, E'\\n' ORDER BY i.position) FROM market.product_images i
                     WHERE i.product_id = p.id) AS images,
                   (SELECT string_agg(c.slug, E'\\n' ORDER BY c.position, c.name) FROM market.product_categories pc
                      JOIN market.categories c ON c.id = pc.category_id WHERE pc.product_id = p.id) AS categories
              FROM market.products p LEFT JOIN market.stalls s ON s.id = p.stall_id""";

    private final DbClient db;
    private final MarkdownRenderer markdown;

    public EditorRepository(DbClient db, MarkdownRenderer markdown) {
        this.db = db;
        this.markdown = markdown;
    }

    public List<EditableProduct> products() {
        return db.execute().query(PRODUCT + " ORDER BY p.updated_at DESC, p.id DESC").map(EditorRepository::product).toList();
    }

    public Optional<EditableProduct> product(long id) {
        return db.execute().get(PRODUCT + " WHERE p.id = ?", id).map(EditorRepository::product);
    }

    /** Creates a draft; empty when another product has the slug. */
    public Optional<Long> create(ProductDraft draft) {
        Money price = draft.money();
        return Transactions.inTransaction(db, tx -> tx.get("""
                        INSERT INTO market.products (slug, title, markdown, html, price_minor, currency, stock, status, featured,
                                                     stall_id, source_url)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, (SELECT id FROM market.stalls WHERE slug = ?), ?)
                        ON CONFLICT (slug) DO NOTHING RETURNING id""",
                draft.slug(), draft.title(), draft.markdown(), markdown.render(draft.markdown()), price.minorUnits(),
                price.currency().getCurrencyCode(), draft.stockLevel().toColumn(), draft.featured(), draft.stall(),
                draft.sourceUrl().isEmpty() ? null : draft.sourceUrl())
                .map(row -> {
                    long id = row.column("id").getLong();
                    setImagesAndCategories(tx, id, draft);
                    return id;
                }));
    }

    /** Saves the fields; false when another product has the slug. */
    public boolean update(long id, ProductDraft draft) {
        Money price = draft.money();
        return Transactions.inTransaction(db, tx -> {
            if (tx.get("SELECT 1 AS taken FROM market.products WHERE slug = ? AND id <> ?", draft.slug(), id).isPresent()) {
                return false;
            }
            tx.dml("""
                    UPDATE market.products SET slug = ?, title = ?, markdown = ?, html = ?, price_minor = ?, currency = ?,
                           stock = ?, featured = ?, stall_id = (SELECT id FROM market.stalls WHERE slug = ?), updated_at = now()
                     WHERE id = ?""", draft.slug(), draft.title(), draft.markdown(), markdown.render(draft.markdown()),
                    price.minorUnits(), price.currency().getCurrencyCode(), draft.stockLevel().toColumn(), draft.featured(),
                    draft.stall(), id);
            setImagesAndCategories(tx, id, draft);
            return true;
        });
    }

    public void publish(long id) {
        db.execute().dml("""
                UPDATE market.products SET status = 'published', published_at = coalesce(published_at, now()), updated_at = now()
                 WHERE id = ?""", id);
    }

    public void unpublish(long id) {
        db.execute().dml("UPDATE market.products SET status = 'draft', updated_at = now() WHERE id = ?", id);
    }

    public List<Stall> stalls() {
        return db.execute().query("SELECT * FROM market.stalls ORDER BY name").map(EditorRepository::stall).toList();
    }

    public Optional<Stall> stall(long id) {
        return db.execute().get("SELECT * FROM market.stalls WHERE id = ?", id).map(EditorRepository::stall);
    }

    /** Creates a stall; empty when another has the slug. */
    public Optional<Long> createStall(StallDraft draft) {
        return db.execute().get("""
                INSERT INTO market.stalls (slug, name, description, owner_kind, owner) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (slug) DO NOTHING RETURNING id""",
                draft.slug(), draft.name(), draft.description(), draft.ownerKind(), draft.owner())
                .map(row -> row.column("id").getLong());
    }

    /** Saves a stall; false when another has the slug. */
    public boolean updateStall(long id, StallDraft draft) {
        return Transactions.inTransaction(db, tx -> {
            if (tx.get("SELECT 1 AS taken FROM market.stalls WHERE slug = ? AND id <> ?", draft.slug(), id).isPresent()) {
                return false;
            }
            tx.dml("""
                    UPDATE market.stalls SET slug = ?, name = ?, description = ?, owner_kind = ?, owner = ?, updated_at = now()
                     WHERE id = ?""", draft.slug(), draft.name(), draft.description(), draft.ownerKind(), draft.owner(), id);
            return true;
        });
    }

    /** Adds a category at the end of the shelf order; false when one has the slug already. */
    public boolean createCategory(String slug, String name) {
        return db.execute().dml("""
                INSERT INTO market.categories (slug, name, position)
                VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM market.categories)) ON CONFLICT (slug) DO NOTHING""",
                slug, name) == 1;
    }

    private static void setImagesAndCategories(DbExecute tx, long id, ProductDraft draft) {
        tx.dml("DELETE FROM market.product_images WHERE product_id = ?", id);
        for (int position = 0; position < draft.images().size(); position++) {
            tx.dml("INSERT INTO market.product_images (product_id, position, url) VALUES (?, ?, ?)",
                    id, position, draft.images().get(position));
        }
        tx.dml("DELETE FROM market.product_categories WHERE product_id = ?", id);
        for (String category : draft.categories()) {
            tx.dml("""
                    INSERT INTO market.product_categories (product_id, category_id)
                    SELECT ?, id FROM market.categories WHERE slug = ?""", id, category);
        }
    }

    private static EditableProduct product(DbRow row) {
        Money price = Money.ofMinor(row.column("price_minor").getLong(), Columns.string(row, "currency"));
        Stock stock = Stock.fromColumn(row.column("stock").get(Integer.class));
        String images = Columns.string(row, "images");
        String categories = Columns.string(row, "categories");
        ProductDraft fields = new ProductDraft(Columns.string(row, "title"), Columns.string(row, "slug"),
                Columns.string(row, "markdown"), price.major().toPlainString(), price.currency().getCurrencyCode(),
                stock.unlimited() ? "" : String.valueOf(stock.count()), row.column("featured").getBoolean(),
                images.isEmpty() ? List.of() : List.of(images.split("\n")),
                categories.isEmpty() ? List.of() : List.of(categories.split("\n")), Columns.string(row, "stall_slug"),
                Columns.string(row, "source_url"));
        return new EditableProduct(row.column("id").getLong(), fields, price, stock,
                "published".equals(Columns.string(row, "status")));
    }

    private static Stall stall(DbRow row) {
        return new Stall(row.column("id").getLong(), new StallDraft(Columns.string(row, "name"), Columns.string(row, "slug"),
                Columns.string(row, "description"), Columns.string(row, "owner_kind"), Columns.string(row, "owner")));
    }
}
