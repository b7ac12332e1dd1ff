package com.roseash.cart.checkout;

import java.lang.System.Logger.Level;
import java.util.Optional;

import com.roseash.cart.orders.Order;
import com.roseash.cart.orders.OrderRepository;
import com.roseash.cart.orders.OrderState;
import com.roseash.cart.sumup.Checkout;
import com.roseash.cart.sumup.SumUpClient;
import com.roseash.cart.sumup.Transaction;

/**
 * What SumUp says of an order's checkout, applied to the order. SumUp's notifications are not signed, so nothing
 * here believes one: the checkout is always read from SumUp's API, and applied only when it is the order's own
 * (the checkout id the order noted, our reference, the order's amount and currency to the last digit).
 *
 * <p>A notification, its duplicates, the payer's return and the settler may all arrive at once: each state change
 * is conditional ({@link OrderRepository#markPaid}), so the order is paid exactly once and only the one caller
 * that paid it sends the confirmation.
 */
public final class PaymentSettlement {

    private static final System.Logger LOG = System.getLogger(PaymentSettlement.class.getName());

    /** What applying a checkout did. */
    public enum Outcome {
        /** This call marked the order paid. */
        PAID,
        /** The checkout expired: this call ended the order and gave its stock back. */
        ENDED,
        /** Nothing to do: the order was settled before, or the payment is still to be made. */
        UNCHANGED,
        /** The checkout is not this order's (another reference, amount or currency): ignored. */
        NOT_OURS
    }

    private final OrderRepository orders;
    private final SumUpClient sumup;
    private final StockReleases stock;
    private final OrderConfirmations confirmations;

    public PaymentSettlement(OrderRepository orders, SumUpClient sumup, StockReleases stock,
                             OrderConfirmations confirmations) {
        this.orders = orders;
        this.sumup = sumup;
        this.stock = stock;
        this.confirmations = confirmations;
    }

    /** A checkout SumUp just gave us (after a notification): applied to the order it names, if it is that order's. */
    public Outcome apply(Checkout checkout) {
        Optional<Order> order = checkout.reference() == null ? Optional.empty() : orders.byId(checkout.reference());
        if (order.isEmpty()) {
            LOG.log(Level.WARNING, "SumUp checkout " + checkout.id() + " names no order of ours ("
                    + checkout.reference() + "); ignored");
            return Outcome.NOT_OURS;
        }
        return applyTo(order.get(), checkout);
    }

    /** Asks SumUp about the order's checkout and applies the answer: the settler, and a member cancelling. */
    public Outcome settle(Order order) {
        if (order.checkoutId().isEmpty()) {
            return Outcome.UNCHANGED;
        }
        return applyTo(order, sumup.get(order.checkoutId().get()));
    }

    /**
     * The payer's return: asks SumUp about the order's checkout (which it must have), applies the answer, and
     * returns the checkout as read, whose payment page the order's page links to while it is unpaid.
     */
    public Checkout settleAndRead(Order order) {
        Checkout checkout = sumup.get(order.checkoutId().orElseThrow());
        applyTo(order, checkout);
        return checkout;
    }

    private Outcome applyTo(Order order, Checkout checkout) {
        if (!order.checkoutId().equals(Optional.of(checkout.id())) || !order.id().equals(checkout.reference())
                || !checkout.isFor(order.total())) {
            LOG.log(Level.WARNING, "SumUp checkout " + checkout.id() + " (reference " + checkout.reference() + ", "
                    + checkout.amount().toPlainString() + " " + checkout.currency() + ") does not match order " + order.id()
                    + " (checkout " + order.checkoutId().orElse("none") + ", " + order.total() + "); ignored");
            return Outcome.NOT_OURS;
        }
        return switch (checkout.status()) {
            case PAID -> paid(order, checkout);
            case EXPIRED -> end(order, OrderState.EXPIRED, "SumUp checkout " + checkout.id() + " expired");
            // FAILED is a declined attempt, not the end: the payer may try another card on the same checkout.
            case PENDING, FAILED, UNRECOGNIZED -> Outcome.UNCHANGED;
        };
    }

    private Outcome paid(Order order, Checkout checkout) {
        String transaction = checkout.successfulTransaction().map(Transaction::id).orElse("");
        if (orders.markPaid(order.id(), transaction, "SumUp checkout " + checkout.id() + " paid")) {
            LOG.log(Level.INFO, "Order " + order.id() + " paid (" + order.total() + ")");
            // In the background: a slow mail server must not hold up the payer's page or SumUp's notification, and a
            // mail that fails is sent again by the settler.
            Thread.ofVirtual().name("confirm-" + order.id()).start(() -> confirmations.confirm(order.id()));
            return Outcome.PAID;
        }
        OrderState now = orders.byId(order.id()).map(Order::state).orElse(order.state());
        if (now != OrderState.PAID && now != OrderState.FULFILLED && now != OrderState.REFUNDED) {
            // Paid on SumUp's page after the order ended here: the money must go back, by an editor who can see it.
            String problem = "SumUp checkout " + checkout.id() + " was paid after the order was " + now.dbValue()
                    + ": refund transaction " + transaction + " in SumUp";
            orders.note(order.id(), problem);
            LOG.log(Level.ERROR, "Order " + order.id() + ": " + problem);
        }
        return Outcome.UNCHANGED;
    }

    private Outcome end(Order order, OrderState to, String reason) {
        if (!orders.move(order.id(), OrderState.PENDING_PAYMENT, to, reason)) {
            return Outcome.UNCHANGED;
        }
        stock.release(order.id());
        return Outcome.ENDED;
    }
}
