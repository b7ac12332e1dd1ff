package com.roseash.cart.checkout;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.roseash.cart.orders.Order;
import com.roseash.cart.orders.OrderRepository;
import com.roseash.cart.orders.OrderState;
import com.roseash.cart.sumup.SumUpRefused;
import com.roseash.cart.sumup.SumUpUnavailable;

/**
 * The background job that leaves no order waiting forever. Every interval it asks SumUp about orders still
 * waiting for payment (a notification may never have come), expires those unpaid after the payment window and
 * gives their stock back, and tries again what failed before: stock releases and confirmation mails.
 *
 * <p>Every replica runs one; they need no coordination, as every change is conditional on the order's state.
 * An order whose checkout SumUp cannot be asked about is left as it is: it may have been paid.
 */
public final class PaymentSettler implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PaymentSettler.class.getName());
    /** Orders younger than this are the payer's to finish; the settler leaves them to the notification. */
    private static final Duration QUIET = Duration.ofMinutes(1);
    private static final int BATCH = 100;

    private final OrderRepository orders;
    private final PaymentSettlement settlement;
    private final StockReleases stock;
    private final OrderConfirmations confirmations;
    private final Duration window;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("payment-settler").daemon().factory());

    /** @param window how long an order waits for payment before it expires */
    public PaymentSettler(OrderRepository orders, PaymentSettlement settlement, StockReleases stock,
                          OrderConfirmations confirmations, Duration window, Clock clock) {
        this.orders = orders;
        this.settlement = settlement;
        this.stock = stock;
        this.confirmations = confirmations;
        this.window = window;
        this.clock = clock;
    }

    /** Runs {@link #runOnce} every {@code interval} until closed. */
    public PaymentSettler every(Duration interval) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                // The database or SumUp down: the next run tries again.
                LOG.log(Level.WARNING, "Settling payments failed; trying again in " + interval.toSeconds() + " s: " + e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One pass; returns how many orders it ended or marked paid. */
    public int runOnce() {
        Instant now = clock.instant();
        int settled = 0;
        for (Order order : orders.pendingSince(now.minus(QUIET), BATCH)) {
            try {
                PaymentSettlement.Outcome outcome = settlement.settle(order);
                if (outcome == PaymentSettlement.Outcome.PAID || outcome == PaymentSettlement.Outcome.ENDED) {
                    settled++;
                } else if (order.createdAt().isBefore(now.minus(window)) && expire(order)) {
                    settled++;
                }
            } catch (SumUpUnavailable | SumUpRefused e) {
                LOG.log(Level.WARNING, "Order " + order.id() + " could not be checked with SumUp; left waiting: "
                        + e.getMessage());
            }
        }
        stock.retryPending();
        confirmations.retryPending();
        return settled;
    }

    private boolean expire(Order order) {
        if (!orders.move(order.id(), OrderState.PENDING_PAYMENT, OrderState.EXPIRED,
                "not paid within " + window.toMinutes() + " minutes")) {
            return false;
        }
        stock.release(order.id());
        return true;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
