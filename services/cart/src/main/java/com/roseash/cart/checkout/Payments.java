package com.roseash.cart.checkout;

import java.net.URI;

import com.roseash.cart.orders.Order;
import com.roseash.cart.orders.OrderRepository;
import com.roseash.cart.sumup.Checkout;
import com.roseash.cart.sumup.CheckoutRequest;
import com.roseash.cart.sumup.SumUpClient;

/**
 * Starts an order's payment: a SumUp hosted checkout for the order's total, its reference the order's id, its
 * notifications sent to our receiver and the payer brought back to the order's page. Asked again for the same
 * order (a retry after SumUp timed out, a second click), SumUp's 409 gives back the checkout it already has.
 */
public final class Payments {

    /** Where SumUp posts its notifications, on cart's public host. */
    public static final String NOTIFICATIONS_PATH = "/sumup/notifications";

    private final SumUpClient sumup;
    private final OrderRepository orders;
    private final URI cartUrl;

    /** @param cartUrl cart's public address, ending in "/" */
    public Payments(SumUpClient sumup, OrderRepository orders, String cartUrl) {
        this.sumup = sumup;
        this.orders = orders;
        this.cartUrl = URI.create(cartUrl);
    }

    /**
     * The order's checkout, made now if it has none. Throws SumUp's exceptions when SumUp cannot make one: the
     * order then stays payable, and its page offers to try again.
     */
    public Checkout checkoutFor(Order order) {
        if (order.checkoutId().isPresent()) {
            return sumup.get(order.checkoutId().get());
        }
        Checkout checkout = sumup.create(new CheckoutRequest(order.id(), order.total(), "Rose Ash order " + order.id(),
                cartUrl.resolve(NOTIFICATIONS_PATH.substring(1)), cartUrl.resolve(OrderPaths.order(order.id()).substring(1))));
        if (!orders.attachCheckout(order.id(), checkout.id())) {
            throw new IllegalStateException("order " + order.id() + " already has another checkout than " + checkout.id());
        }
        return checkout;
    }
}
