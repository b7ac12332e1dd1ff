package com.roseash.cart.checkout;

import java.lang.System.Logger.Level;
import java.util.stream.Collectors;

import com.roseash.cart.orders.Order;
import com.roseash.cart.orders.OrderRepository;
import com.roseash.platform.mail.Email;
import com.roseash.platform.mail.MailUnavailable;
import com.roseash.platform.mail.Mailer;

/**
 * The mail that tells a member their order is paid: what they bought, the total, and the order's page. Sent by
 * whoever marked the order paid; when the mail server is down the order is still paid, and the settler sends the
 * mail later (an order remembers whether its confirmation went out).
 */
public final class OrderConfirmations {

    private static final System.Logger LOG = System.getLogger(OrderConfirmations.class.getName());

    private final OrderRepository orders;
    private final Mailer mailer;
    private final String cartUrl;

    /** @param cartUrl cart's public address, ending in "/", for the link to the order */
    public OrderConfirmations(OrderRepository orders, Mailer mailer, String cartUrl) {
        this.orders = orders;
        this.mailer = mailer;
        this.cartUrl = cartUrl;
    }

    /** Sends the order's confirmation; false when the mail server could not take it (tried again later). */
    public boolean confirm(String orderId) {
        Order order = orders.byId(orderId).orElseThrow();
        Email email;
        try {
            email = email(order);
        } catch (IllegalArgumentException e) {
            // An address no server would take: trying again cannot help.
            LOG.log(Level.ERROR, "The confirmation of order " + orderId + " cannot be sent: " + e.getMessage());
            orders.confirmed(orderId);
            return false;
        }
        try {
            mailer.send(email);
        } catch (MailUnavailable e) {
            LOG.log(Level.WARNING, "The confirmation of order " + orderId + " was not sent; trying again later: "
                    + e.getMessage());
            return false;
        }
        orders.confirmed(orderId);
        return true;
    }

    /** Sends the confirmations that did not go out before; returns how many did now. */
    public int retryPending() {
        int sent = 0;
        for (Order order : orders.unconfirmed(100)) {
            if (confirm(order.id())) {
                sent++;
            }
        }
        return sent;
    }

    Email email(Order order) {
        String lines = order.lines().stream()
                .map(line -> "  " + line.quantity() + " × " + line.title() + "  " + line.total().display())
                .collect(Collectors.joining("\n"));
        String text = "Thank you for your order.\n\n"
                + "Order " + order.id() + " is paid.\n\n"
                + lines + "\n\n"
                + "  Total  " + order.total().display() + "\n\n"
                + "See your order: " + cartUrl + OrderPaths.order(order.id()).substring(1) + "\n";
        return new Email(order.email(), "Your Rose Ash order " + order.id() + " is paid", text);
    }
}
