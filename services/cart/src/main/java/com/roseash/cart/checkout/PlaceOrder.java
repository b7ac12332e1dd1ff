package com.roseash.cart.checkout;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.roseash.cart.carts.CartItem;
import com.roseash.cart.carts.CartRepository;
import com.roseash.cart.orders.Order;
import com.roseash.cart.orders.OrderRepository;
import com.roseash.platform.market.MarketClient;
import com.roseash.platform.market.MarketContract;
import com.roseash.platform.market.MarketUnavailable;
import com.roseash.platform.market.OrderLine;
import com.roseash.platform.market.Reservation;
import com.roseash.platform.market.ReservationRequest;
import com.roseash.platform.visitor.CurrentUser;

/**
 * Checkout's first half: the cart becomes an order. The market holds the stock and prices every line (the
 * browser sends only the cart's id); the order is placed for exactly what the market held, and the cart is
 * emptied. Nothing is charged yet: {@link Payments} starts that.
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
    private final MarketClient market;

    public PlaceOrder(CartRepository carts, OrderRepository orders, MarketClient market) {
        this.carts = carts;
        this.orders = orders;
        this.market = market;
    }

    /** Places the order for what is in {@code cartId}; {@link MarketUnavailable} when the market cannot be asked. */
    public Result place(CurrentUser member, String cartId) {
        List<CartItem> items = carts.items(cartId);
        if (items.isEmpty()) {
            return new Result.Refused("Your cart is empty.");
        }
        if (items.size() > MarketContract.MAX_LINES) {
            return new Result.Refused("An order holds at most " + MarketContract.MAX_LINES + " products.");
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        items.forEach(item -> quantities.put(item.slug(), item.quantity()));
        String id = OrderRepository.newId();
        Reservation reservation = market.reserve(new ReservationRequest(id, quantities));
        if (reservation instanceof Reservation.Refused refused) {
            return new Result.Refused(refused.reason());
        }
        List<OrderLine> lines = ((Reservation.Held) reservation).lines();
        if (lines.stream().map(line -> line.unitPrice().currency()).distinct().count() > 1) {
            giveBack(id);
            return new Result.Refused("These products are priced in different currencies: check them out separately.");
        }
        Order order;
        try {
            order = orders.place(id, member.subject(), member.email(), lines);
        } catch (RuntimeException e) {
            giveBack(id);
            throw e;
        }
        carts.empty(cartId);
        return new Result.Placed(order);
    }

    /** The stock held for an order that was not placed after all. */
    private void giveBack(String orderId) {
        try {
            market.release(orderId);
        } catch (MarketUnavailable e) {
            LOG.log(Level.ERROR, "The market still holds stock for order " + orderId + ", which was not placed: "
                    + e.getMessage());
        }
    }
}
