package com.roseash.cart.carts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.roseash.platform.db.Columns;
import com.roseash.platform.db.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;

/**
 * Carts: a visitor's (by the id in their cart cookie) and a member's (by federation's subject). Quantities are
 * kept between 1 and {@link #MAX_QUANTITY}; a line set to 0 is removed.
 */
public final class CartRepository {

    public static final int MAX_QUANTITY = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DbClient db;

    public CartRepository(DbClient db) {
        this.db = db;
    }

    /** A new cart's id: random, unguessable, so a cart cookie cannot be made up to see another's cart. */
    public static String newId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public List<CartItem> items(String cartId) {
        return db.execute().query("SELECT seller, product_slug, quantity FROM cart.cart_items WHERE cart_id = ?"
                        + " ORDER BY added_at, seller, product_slug", cartId)
                .map(row -> new CartItem(Seller.of(Columns.string(row, "seller")).orElseThrow(),
                        Columns.string(row, "product_slug"), row.column("quantity").getInt())).toList();
    }

    /** Adds {@code quantity} of an item, creating the cart on its first item; capped at {@link #MAX_QUANTITY}. */
    public void add(String cartId, Seller seller, String slug, int quantity) {
        Transactions.inTransaction(db, tx -> {
            tx.dml("INSERT INTO cart.carts (id) VALUES (?) ON CONFLICT (id) DO UPDATE SET updated_at = now()", cartId);
            return tx.dml("""
                    INSERT INTO cart.cart_items (cart_id, seller, product_slug, quantity) VALUES (?, ?, ?, least(?, ?))
                    ON CONFLICT (cart_id, seller, product_slug)
                    DO UPDATE SET quantity = least(cart.cart_items.quantity + excluded.quantity, ?)""",
                    cartId, seller.id(), slug, quantity, MAX_QUANTITY, MAX_QUANTITY);
        });
    }

    /** Sets a line's quantity; 0 removes it. */
    public void setQuantity(String cartId, Seller seller, String slug, int quantity) {
        if (quantity <= 0) {
            remove(cartId, seller, slug);
            return;
        }
        db.execute().dml("UPDATE cart.cart_items SET quantity = least(?, ?) WHERE cart_id = ? AND seller = ?"
                + " AND product_slug = ?", quantity, MAX_QUANTITY, cartId, seller.id(), slug);
    }

    public void remove(String cartId, Seller seller, String slug) {
        db.execute().dml("DELETE FROM cart.cart_items WHERE cart_id = ? AND seller = ? AND product_slug = ?", cartId,
                seller.id(), slug);
    }

    /** A member left: their cart goes. */
    public void forgetMember(DbTransaction tx, String member) {
        tx.dml("DELETE FROM cart.carts WHERE member = ?", member);
    }

    public void empty(String cartId) {
        db.execute().dml("DELETE FROM cart.cart_items WHERE cart_id = ?", cartId);
    }

    /** The member's cart, if they have one. */
    public Optional<String> cartOf(String member) {
        return db.execute().get("SELECT id FROM cart.carts WHERE member = ?", member).map(row -> Columns.string(row, "id"));
    }

    /**
     * At sign-in: the visitor's cart becomes the member's. When the member already had a cart (from another
     * browser), the visitor's items are added into it, quantities summed and capped, and the visitor's cart is
     * dropped. A cart that is another member's (a shared computer, its last user signed out) is never merged:
     * the member gets their own. Returns the member's cart id, which the browser's cookie should then hold.
     */
    public String mergeAtSignIn(String visitorCartId, String member) {
        return Transactions.inTransaction(db, tx -> {
            Optional<String> existing = tx.get("SELECT id FROM cart.carts WHERE member = ? FOR UPDATE", member)
                    .map(row -> Columns.string(row, "id"));
            Optional<String> visitorsOwner = tx.get("SELECT member FROM cart.carts WHERE id = ? FOR UPDATE", visitorCartId)
                    .map(row -> Columns.string(row, "member")).filter(owner -> !owner.isEmpty());
            boolean someoneElses = visitorsOwner.isPresent() && !visitorsOwner.get().equals(member);
            if (existing.isEmpty()) {
                String cart = someoneElses ? newId() : visitorCartId;
                tx.dml("""
                        INSERT INTO cart.carts (id, member) VALUES (?, ?)
                        ON CONFLICT (id) DO UPDATE SET member = excluded.member, updated_at = now()""", cart, member);
                return cart;
            }
            String memberCart = existing.get();
            if (!memberCart.equals(visitorCartId) && !someoneElses) {
                tx.dml("""
                        INSERT INTO cart.cart_items (cart_id, seller, product_slug, quantity, added_at)
                        SELECT ?, seller, product_slug, quantity, added_at FROM cart.cart_items WHERE cart_id = ?
                        ON CONFLICT (cart_id, seller, product_slug)
                        DO UPDATE SET quantity = least(cart.cart_items.quantity + excluded.quantity, ?)""",
                        memberCart, visitorCartId, MAX_QUANTITY);
                tx.dml("DELETE FROM cart.carts WHERE id = ? AND member IS NULL", visitorCartId);
            }
            return memberCart;
        });
    }
}
