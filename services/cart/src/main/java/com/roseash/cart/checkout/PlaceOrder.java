package com.roseash.cart.checkout;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.roseash.cart.carts.CartItem;
import com.roseash.cart.carts.CartRepository;
import com.roseash.cart.carts.Seller;
import com.roseash.cart.carts.Sellers;
import com.roseash.cart.orders.Order;
import com.roseash.cart.orders.OrderItem;
import com.roseash.cart.orders.OrderRepository;
import com.roseash.platform.market.MarketContract;
import com.roseash.platform.market.MarketUnavailable;
import com.roseash.platform.market.Reservation;
import com.roseash.platform.market.ReservationRequest;
import com.roseash.platform.visitor.CurrentUser;

/**
 * Checkout's first half: the cart becomes an order. Each seller of its items (the market, events) holds them and
 * prices every line (the browser sends only the cart's id), all or nothing across sellers: a refusal or a seller
 * that cannot be asked gives back what the others held. The order is placed for exactly what was held, and the
 * cart is emptied. Nothing is charged yet: {@link Payments} starts that.
 */
public final class PlaceOrder {

    private static final System.Logger LOG = System.getLogger(PlaceOrder.class.getName());

    /** What placing came to. */
    public sealed interface Result {
        record Placed(Order order) implements Result {
        }

        /** Nothing placed, nothing held: {@code reason} is for the member. */
        record Refused(String reason) implements Result {
        }
    }

    private final CartRepository carts;
    private final OrderRepository orders;
    private final Sellers sellers;

    public PlaceOrder(CartRepository carts, OrderRepository orders, Sellers sellers) {
        this.carts = carts;
        this.orders = orders;
        this.sellers = sellers;
    }

    /** Places the order for what is in {@code cartId}; {@link MarketUnavailable} when a seller cannot be asked. */
    public Result place(CurrentUser member, String cartId) {
        List<CartItem> items = carts.items(cartId);
        if (items.isEmpty()) {
            return new Result.Refused("Your cart is empty.");
        }
        if (items.size() > MarketContract.MAX_LINES) {
            return new Result.Refused("An order holds at most " + MarketContract.MAX_LINES + " items.");
        }
        Map<Seller, Map<String, Integer>> bySeller = new EnumMap<>(Seller.class);
        items.forEach(item -> bySeller.computeIfAbsent(item.seller(), s -> new LinkedHashMap<>()).put(item.slug(),
                item.quantity()));
        String id = OrderRepository.newId();
        List<OrderItem> lines = new ArrayList<>();
        List<Seller> holding = new ArrayList<>();
        try {
            for (Map.Entry<Seller, Map<String, Integer>> seller : bySeller.entrySet()) {
                Reservation reservation = sellers.of(seller.getKey()).reserve(new ReservationRequest(id, seller.getValue()));
                if (reservation instanceof Reservation.Refused refused) {
                    giveBack(id, holding);
                    return new Result.Refused(refused.reason());
                }
                holding.add(seller.getKey());
                ((Reservation.Held) reservation).lines().forEach(line -> lines.add(OrderItem.of(seller.getKey(), line)));
            }
        } catch (MarketUnavailable e) {
            giveBack(id, holding);
            throw e;
        }
        if (lines.stream().map(line -> line.unitPrice().currency()).distinct().count() > 1) {
            giveBack(id, holding);
            return new Result.Refused("These items are priced in different currencies: check them out separately.");
        }
        Order order;
        try {
            order = orders.place(id, member.subject(), member.email(), lines);
        } catch (RuntimeException e) {
            giveBack(id, holding);
            throw e;
        }
        carts.empty(cartId);
        return new Result.Placed(order);
    }

    /** What the sellers held for an order that was not placed after all. */
    private void giveBack(String orderId, List<Seller> holding) {
        for (Seller seller : holding) {
            try {
                sellers.of(seller).release(orderId);
            } catch (MarketUnavailable e) {
                LOG.log(Level.ERROR, seller.id() + " still holds items for order " + orderId + ", which was not placed: "
                        + e.getMessage());
            }
        }
    }
}
