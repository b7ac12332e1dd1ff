package com.roseash.events.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Tickets as the cart's seller contract sees them (docs/cart.md): ticket types are offers, and an order's tickets
 * are held between checkout and payment, as the market holds stock. Holding locks the ticket types' rows (in slug
 * order, so two orders cannot deadlock) and counts what is held, so a type is never sold beyond its capacity; an
 * order holds all its tickets or none. Only what is on sale, of an event that is not cancelled, can be held.
 */
public final class TicketStock implements SellerStock {

    private static final String OFFERED = """
            SELECT t.id, t.slug, e.title || ': ' || t.name AS title, t.price_minor, t.currency, t.capacity,
                   t.sale_starts, t.sale_ends, e.cancelled,
                   t.capacity - coalesce((SELECT sum(h.quantity) FROM events.ticket_holds h
                                          WHERE h.ticket_type_id = t.id AND h.released_at IS NULL), 0) AS left_count
            FROM events.ticket_types t JOIN events.events e ON e.id = t.event_id
            """;

    private final DbClient db;
    private final Clock clock;

    public TicketStock(DbClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The ticket types among {@code slugs} that are on sale now, as offers. */
    @Override
    public List<Offer> offers(List<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return db.execute().query(OFFERED + " WHERE t.slug = ANY (string_to_array(?, ',')) ORDER BY t.slug",
                        String.join(",", slugs)).toList().stream()
                .filter(row -> sellable(row, now))
                .map(row -> new Offer(Columns.string(row, "slug"), Columns.string(row, "title"), money(row), false,
                        (int) Math.max(0, row.column("left_count").getLong())))
                .toList();
    }

    /** Holds {@code quantities} (slug to how many) for {@code orderId}, all or nothing; asked again, answers the same. */
    @Override
    public Reservation reserve(String orderId, Map<String, Integer> quantities) {
        Instant now = clock.instant();
        try {
            return Transactions.inTransaction(db, tx -> {
                List<OrderLine> held = held(tx, orderId);
                if (!held.isEmpty()) {
                    return new Reservation.Held(orderId, held);
                }
                for (Map.Entry<String, Integer> line : new TreeMap<>(quantities).entrySet()) {
                    tx.get("SELECT id FROM events.ticket_types WHERE slug = ? FOR UPDATE", line.getKey());
                    DbRow row = tx.get(OFFERED + " WHERE t.slug = ?", line.getKey())
                            .filter(found -> sellable(found, now))
                            .orElseThrow(() -> new NotHeld(line.getKey(), "These tickets are not on sale."));
                    long left = row.column("left_count").getLong();
                    if (left < line.getValue()) {
                        throw new NotHeld(line.getKey(), left <= 0 ? Columns.string(row, "title") + " is sold out."
                                : "Only " + left + " of " + Columns.string(row, "title") + " left; " + line.getValue()
                                + " asked for.");
                    }
                    tx.dml("""
                            INSERT INTO events.ticket_holds (order_id, ticket_type_id, quantity, title, price_minor, currency)
                            VALUES (?, ?, ?, ?, ?, ?)""", orderId, row.column("id").getLong(), line.getValue(),
                            Columns.string(row, "title"), row.column("price_minor").getLong(), Columns.string(row, "currency"));
                }
                return new Reservation.Held(orderId, held(tx, orderId));
            });
        } catch (NotHeld refused) {
            return new Reservation.Refused(refused.slug, refused.reason);
        }
    }

    /**
     * Gives back what {@code orderId} holds; false when it held nothing or was released already. An order the cart
     * ends after its tickets were issued (refunded) voids them: they admit nobody.
     */
    @Override
    public boolean release(String orderId) {
        return Transactions.inTransaction(db, tx -> {
            tx.dml("UPDATE events.tickets SET voided_at = now() WHERE order_id = ? AND voided_at IS NULL", orderId);
            return tx.dml("UPDATE events.ticket_holds SET released_at = now() WHERE order_id = ? AND released_at IS NULL",
                    orderId) > 0;
        });
    }

    /** The slug of the event a ticket type is for. */
    public Optional<String> eventSlugOf(String typeSlug) {
        return db.execute().get("SELECT e.slug FROM events.ticket_types t JOIN events.events e ON e.id = t.event_id"
                + " WHERE t.slug = ?", typeSlug).map(row -> Columns.string(row, "slug"));
    }

    /** The ticket types of an event, with how many are left, for its page and its organiser. */
    public List<TicketType> ofEvent(long eventId) {
        return db.execute().query(OFFERED + " WHERE t.event_id = ? ORDER BY t.price_minor, t.name", eventId)
                .map(row -> new TicketType(row.column("id").getLong(), eventId, Columns.string(row, "slug"),
                        Columns.string(row, "title").substring(Columns.string(row, "title").indexOf(": ") + 2), money(row),
                        row.column("capacity").getInt(), Columns.instant(row, "sale_starts"), Columns.instant(row, "sale_ends"),
                        row.column("left_count").getLong()))
                .toList();
    }

    /** Adds a ticket type to an event; false when its slug is taken. */
    public boolean create(long eventId, String slug, String name, Money price, int capacity, Instant saleStarts,
                          Instant saleEnds) {
        return db.execute().dml("""
                INSERT INTO events.ticket_types (event_id, slug, name, price_minor, currency, capacity, sale_starts, sale_ends)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (slug) DO NOTHING""", eventId, slug, name, price.minorUnits(),
                price.currency().getCurrencyCode(), capacity, saleStarts == null ? null : Timestamp.from(saleStarts),
                saleEnds == null ? null : Timestamp.from(saleEnds)) == 1;
    }

    private static boolean sellable(DbRow row, Instant now) {
        Instant starts = Columns.instant(row, "sale_starts");
        Instant ends = Columns.instant(row, "sale_ends");
        return !row.column("cancelled").getBoolean() && (starts == null || !now.isBefore(starts))
                && (ends == null || now.isBefore(ends));
    }

    private static Money money(DbRow row) {
        return Money.ofMinor(row.column("price_minor").getLong(), Columns.string(row, "currency"));
    }

    private static List<OrderLine> held(DbExecute tx, String orderId) {
        List<OrderLine> lines = new ArrayList<>(tx.query("""
                SELECT t.slug, h.title, h.quantity, h.price_minor, h.currency FROM events.ticket_holds h
                  JOIN events.ticket_types t ON t.id = h.ticket_type_id WHERE h.order_id = ?""", orderId)
                .map(row -> new OrderLine(Columns.string(row, "slug"), Columns.string(row, "title"),
                        row.column("quantity").getInt(),
                        Money.ofMinor(row.column("price_minor").getLong(), Columns.string(row, "currency"))))
                .toList());
        lines.sort(Comparator.comparing(OrderLine::slug));
        return List.copyOf(lines);
    }

    /** A line that cannot be held: ends the transaction, so nothing of the order is held. */
    private static final class NotHeld extends RuntimeException {
        private final String slug;
        private final String reason;

        NotHeld(String slug, String reason) {
            super(slug, null, false, false);
            this.slug = slug;
            this.reason = reason;
        }
    }
}
