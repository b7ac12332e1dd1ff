package com.roseash.cart.orders;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.roseash.cart.carts.Seller;
import com.roseash.contract.ServiceName;
import com.roseash.platform.db.Columns;
import com.roseash.platform.db.Transactions;
import com.roseash.platform.events.DomainEvent;
import com.roseash.platform.events.EventJson;
import com.roseash.platform.events.EventType;
import com.roseash.platform.events.OrderPaid;
import com.roseash.platform.events.Outbox;
import com.roseash.platform.money.Money;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

/**
 * Orders on PostgreSQL. Every change of state is one conditional update ("from this state to that one") and its
 * history line, in one transaction: of two processes making the same change (a notification and the payer's
 * return, two replicas' settlers) exactly one succeeds, and only that one acts on it (mails, gives stock back).
 */
public final class OrderRepository {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, member, email, state, total_minor, currency, checkout_id, transaction_id, "
            + "created_at, paid_at";

    private final DbClient db;
    private final Outbox outbox;

    public OrderRepository(DbClient db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    /** A new order's id: random and unguessable, and a valid SumUp checkout reference and market order id. */
    public static String newId() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return "ord_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Places an order for the lines its sellers held, waiting for payment. Lines are in one currency. */
    public Order place(String id, String member, String email, List<OrderItem> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        Money total = lines.stream().map(OrderItem::total).reduce(Money::plus).orElseThrow();
        Transactions.inTransaction(db, tx -> {
            tx.dml("INSERT INTO cart.orders (id, member, email, state, total_minor, currency) VALUES (?, ?, ?, ?, ?, ?)",
                    id, member, email, OrderState.PENDING_PAYMENT.dbValue(), total.minorUnits(),
                    total.currency().getCurrencyCode());
            for (OrderItem line : lines) {
                tx.dml("INSERT INTO cart.order_lines (order_id, seller, product_slug, title, quantity, unit_price_minor) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", id, line.seller().id(), line.slug(), line.title(), line.quantity(),
                                line.unitPrice().minorUnits());
            }
            return tx.dml("INSERT INTO cart.order_history (order_id, from_state, to_state, reason) VALUES (?, NULL, ?, ?)",
                    id, OrderState.PENDING_PAYMENT.dbValue(), "placed");
        });
        return byId(id).orElseThrow();
    }

    /** Notes the SumUp checkout collecting the order; false when it already had another. */
    public boolean attachCheckout(String id, String checkoutId) {
        return db.execute().dml("UPDATE cart.orders SET checkout_id = ?, updated_at = now() WHERE id = ? "
                + "AND (checkout_id IS NULL OR checkout_id = ?)", checkoutId, id, checkoutId) == 1;
    }

    public Optional<Order> byId(String id) {
        return db.execute().get("SELECT " + COLUMNS + " FROM cart.orders WHERE id = ?", id).map(this::order);
    }

    /** The member's orders, newest first. */
    public List<Order> ofMember(String member, int limit) {
        return db.execute().query("SELECT " + COLUMNS + " FROM cart.orders WHERE member = ? ORDER BY created_at DESC "
                + "LIMIT ?", member, limit).map(this::order).toList();
    }

    /** Every member's orders, newest first: the editors' list. */
    public List<Order> recent(int limit) {
        return db.execute().query("SELECT " + COLUMNS + " FROM cart.orders ORDER BY created_at DESC LIMIT ?", limit)
                .map(this::order).toList();
    }

    public List<OrderChange> history(String id) {
        return db.execute().query("SELECT from_state, to_state, reason, at FROM cart.order_history WHERE order_id = ? "
                        + "ORDER BY id", id)
                .map(row -> new OrderChange(Columns.string(row, "from_state"), Columns.string(row, "to_state"),
                        Columns.string(row, "reason"), Columns.instant(row, "at")))
                .toList();
    }

    /**
     * Moves the order from {@code from} to {@code to}, with {@code reason} in its history. True for the one
     * caller that made the change; false when the order was no longer {@code from} (someone else moved it first).
     * A change the state machine forbids is refused before anything is written.
     */
    public boolean move(String id, OrderState from, OrderState to, String reason) {
        if (to == OrderState.PAID) {
            throw new IllegalArgumentException("an order becomes paid through markPaid, with its transaction");
        }
        return change(id, from, to, reason, "");
    }

    /** Marks a pending order paid by {@code transactionId}, exactly once: true for the caller that did. */
    public boolean markPaid(String id, String transactionId, String reason) {
        return change(id, OrderState.PENDING_PAYMENT, OrderState.PAID, reason, transactionId);
    }

    private boolean change(String id, OrderState from, OrderState to, String reason, String transactionId) {
        if (!from.canBecome(to)) {
            throw new IllegalOrderChange(from, to);
        }
        return Transactions.inTransaction(db, tx -> {
            long changed = to == OrderState.PAID
                    ? tx.dml("UPDATE cart.orders SET state = ?, transaction_id = ?, paid_at = now(), updated_at = now() "
                            + "WHERE id = ? AND state = ?", to.dbValue(), transactionId, id, from.dbValue())
                    : tx.dml("UPDATE cart.orders SET state = ?, updated_at = now() WHERE id = ? AND state = ?",
                            to.dbValue(), id, from.dbValue());
            if (changed == 1) {
                tx.dml("INSERT INTO cart.order_history (order_id, from_state, to_state, reason) VALUES (?, ?, ?, ?)",
                        id, from.dbValue(), to.dbValue(), reason);
                if (to == OrderState.PAID) {
                    // With the change itself: the tickets are issued exactly when the payment is recorded.
                    outbox.publish(tx, paidEvent(tx, id));
                }
            }
            return changed == 1;
        });
    }

    /** A line in the order's history that changes nothing: something an editor should know about it. */
    public void note(String id, String reason) {
        db.execute().dml("INSERT INTO cart.order_history (order_id, from_state, to_state, reason) "
                + "SELECT id, state, state, ? FROM cart.orders WHERE id = ?", reason, id);
    }

    /** Orders still waiting for payment that were placed before {@code before}, oldest first. */
    public List<Order> pendingSince(Instant before, int limit) {
        return db.execute().query("SELECT " + COLUMNS + " FROM cart.orders WHERE state = ? AND created_at < ? "
                        + "ORDER BY created_at LIMIT ?", OrderState.PENDING_PAYMENT.dbValue(),
                        OffsetDateTime.ofInstant(before, ZoneOffset.UTC), limit)
                .map(this::order).toList();
    }

    /** Ended orders whose stock the market may still hold. */
    public List<String> stockToRelease(int limit) {
        return db.execute().query("SELECT id FROM cart.orders WHERE stock_held AND state IN ('failed', 'expired', "
                        + "'cancelled', 'refunded') ORDER BY updated_at LIMIT ?", limit)
                .map(row -> Columns.string(row, "id")).toList();
    }

    public void stockReleased(String id) {
        db.execute().dml("UPDATE cart.orders SET stock_held = false WHERE id = ?", id);
    }

    /**
     * Paid orders whose confirmation has not gone out, paid more than a minute ago: a younger one's mail may still be
     * on its way (sent in the background by whoever marked it paid).
     */
    public List<Order> unconfirmed(int limit) {
        return db.execute().query("SELECT " + COLUMNS + " FROM cart.orders "
                + "WHERE paid_at < now() - interval '1 minute' AND confirmed_at IS NULL "
                + "ORDER BY paid_at LIMIT ?", limit).map(this::order).toList();
    }

    public void confirmed(String id) {
        db.execute().dml("UPDATE cart.orders SET confirmed_at = now() WHERE id = ?", id);
    }

    /** {@code order.paid} for the order just marked paid in {@code tx}: its lines as held, with their sellers. */
    private static DomainEvent paidEvent(DbTransaction tx, String id) {
        DbRow order = tx.get("SELECT member, email, currency, paid_at FROM cart.orders WHERE id = ?", id).orElseThrow();
        String currency = Columns.string(order, "currency");
        List<OrderPaid.Line> lines = tx.query("SELECT seller, product_slug, title, quantity, unit_price_minor"
                        + " FROM cart.order_lines WHERE order_id = ? ORDER BY seller, product_slug", id)
                .map(line -> new OrderPaid.Line(Columns.string(line, "seller"), Columns.string(line, "product_slug"),
                        Columns.string(line, "title"), line.column("quantity").getInt(),
                        line.column("unit_price_minor").getLong(), currency))
                .toList();
        OrderPaid paid = new OrderPaid(id, Columns.string(order, "member"), Columns.string(order, "email"),
                Columns.instant(order, "paid_at").toString(), lines);
        return DomainEvent.of(ServiceName.CART.id(), EventType.ORDER_PAID.type(), "order", id, EventJson.payload(paid));
    }

    /** A member left: their cart goes, and their orders keep only what accounting needs, naming nobody. */
    public void forgetMember(DbTransaction tx, String member) {
        tx.dml("UPDATE cart.orders SET member = 'deleted', email = '', confirmed_at = coalesce(confirmed_at, now())"
                + " WHERE member = ?", member);
    }

    private Order order(DbRow row) {
        String id = Columns.string(row, "id");
        String currency = Columns.string(row, "currency");
        List<OrderItem> lines = db.execute().query("SELECT seller, product_slug, title, quantity, unit_price_minor "
                        + "FROM cart.order_lines WHERE order_id = ? ORDER BY seller, product_slug", id)
                .map(line -> new OrderItem(Seller.of(Columns.string(line, "seller")).orElseThrow(),
                        Columns.string(line, "product_slug"), Columns.string(line, "title"), line.column("quantity").getInt(),
                        Money.ofMinor(line.column("unit_price_minor").getLong(), currency)))
                .toList();
        String checkout = Columns.string(row, "checkout_id");
        String transaction = Columns.string(row, "transaction_id");
        return new Order(id, Columns.string(row, "member"), Columns.string(row, "email"),
                OrderState.fromDb(Columns.string(row, "state")), Money.ofMinor(row.column("total_minor").getLong(), currency),
                checkout.isEmpty() ? Optional.empty() : Optional.of(checkout),
                transaction.isEmpty() ? Optional.empty() : Optional.of(transaction),
                Columns.instant(row, "created_at"), Optional.ofNullable(Columns.instant(row, "paid_at")), lines);
    }
}
