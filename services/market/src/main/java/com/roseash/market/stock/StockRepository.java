package com.roseash.market.stock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.roseash.platform.db.Columns;
import com.roseash.platform.db.Transactions;
import com.roseash.platform.market.Offer;
import com.roseash.platform.market.OrderLine;
import com.roseash.platform.market.Reservation;
import com.roseash.platform.market.SellerStock;
import com.roseash.platform.money.Money;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/**
 * Stock held for orders. Taking stock is one conditional {@code UPDATE} per product, in one transaction per
 * order: PostgreSQL's row lock makes concurrent checkouts for the last items queue, and the condition
 * ({@code stock >= quantity}) makes all but those that fit find nothing to update, so stock never goes below
 * zero and an order holds all its lines or none.
 */
public final class StockRepository implements SellerStock {

    private final DbClient db;

    public StockRepository(DbClient db) {
        this.db = db;
    }

    /** The published products among {@code slugs}, as offers. */
    @Override
    public List<Offer> offers(List<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        return db.execute().query("""
                SELECT slug, title, price_minor, currency, stock FROM market.products
                 WHERE status = 'published' AND slug = ANY (string_to_array(?, ','))
                 ORDER BY slug""", String.join(",", slugs))
                .map(StockRepository::offer).toList();
    }

    /**
     * Holds {@code quantities} (slug to how many) for {@code orderId}, all or nothing. Asked again for an order
     * that already holds stock, answers what it holds, taking nothing more.
     */
    @Override
    public Reservation reserve(String orderId, Map<String, Integer> quantities) {
        try {
            return Transactions.inTransaction(db, tx -> {
                List<OrderLine> held = held(tx, orderId);
                if (!held.isEmpty()) {
                    return new Reservation.Held(orderId, held);
                }
                // Always in the same order (by slug), so two orders holding the same products cannot deadlock.
                for (Map.Entry<String, Integer> line : new TreeMap<>(quantities).entrySet()) {
                    DbRow row = tx.get("""
                            UPDATE market.products SET stock = CASE WHEN stock IS NULL THEN NULL ELSE stock - ? END
                             WHERE slug = ? AND status = 'published' AND (stock IS NULL OR stock >= ?)
                            RETURNING id, title, price_minor, currency""", line.getValue(), line.getKey(), line.getValue())
                            .orElseThrow(() -> new NotHeld(line.getKey(), line.getValue()));
                    tx.dml("""
                            INSERT INTO market.reservations (order_id, product_id, quantity, price_minor, currency, title)
                            VALUES (?, ?, ?, ?, ?, ?)""", orderId, row.column("id").getLong(), line.getValue(),
                            row.column("price_minor").getLong(), Columns.string(row, "currency"), Columns.string(row, "title"));
                }
                return new Reservation.Held(orderId, held(tx, orderId));
            });
        } catch (NotHeld refused) {
            // Rolled back: the lines taken before this one are given back with the transaction.
            return new Reservation.Refused(refused.slug, why(refused.slug, refused.quantity));
        }
    }

    /** A line that cannot be held: ends the reservation's transaction, so nothing of the order is held. */
    private static final class NotHeld extends RuntimeException {
        private final String slug;
        private final int quantity;

        NotHeld(String slug, int quantity) {
            super(slug, null, false, false);
            this.slug = slug;
            this.quantity = quantity;
        }
    }

    /** Gives back what {@code orderId} holds; false when it held nothing or was released already. */
    @Override
    public boolean release(String orderId) {
        return Transactions.inTransaction(db, tx -> {
            List<DbRow> released = tx.query("""
                    UPDATE market.reservations SET released = true WHERE order_id = ? AND NOT released
                    RETURNING product_id, quantity""", orderId).toList();
            for (DbRow row : released) {
                tx.dml("UPDATE market.products SET stock = stock + ? WHERE id = ? AND stock IS NOT NULL",
                        row.column("quantity").getInt(), row.column("product_id").getLong());
            }
            return !released.isEmpty();
        });
    }

    private static List<OrderLine> held(DbExecute tx, String orderId) {
        List<OrderLine> lines = new ArrayList<>(tx.query("""
                SELECT p.slug, r.title, r.quantity, r.price_minor, r.currency FROM market.reservations r
                  JOIN market.products p ON p.id = r.product_id WHERE r.order_id = ?""", orderId)
                .map(row -> new OrderLine(Columns.string(row, "slug"), Columns.string(row, "title"),
                        row.column("quantity").getInt(),
                        Money.ofMinor(row.column("price_minor").getLong(), Columns.string(row, "currency"))))
                .toList());
        lines.sort(Comparator.comparing(OrderLine::slug));
        return List.copyOf(lines);
    }

    /** Why a line could not be held, read after the rollback: for the shopper's page. */
    private String why(String slug, int quantity) {
        return db.execute().get("SELECT title, stock, status FROM market.products WHERE slug = ?", slug)
                .map(row -> {
                    String title = Columns.string(row, "title");
                    if (!"published".equals(Columns.string(row, "status"))) {
                        return title + " is no longer for sale.";
                    }
                    Integer stock = row.column("stock").get(Integer.class);
                    return stock == null || stock == 0 ? title + " has sold out."
                            : "Only " + stock + " of " + title + " left; " + quantity + " asked for.";
                })
                .orElse("There is no product " + slug + ".");
    }

    private static Offer offer(DbRow row) {
        Integer stock = row.column("stock").get(Integer.class);
        return new Offer(Columns.string(row, "slug"), Columns.string(row, "title"),
                Money.ofMinor(row.column("price_minor").getLong(), Columns.string(row, "currency")),
                stock == null, stock == null ? 0 : stock);
    }
}
