package com.roseash.cart.checkout;

import java.lang.System.Logger.Level;
import java.util.Optional;

import com.roseash.cart.carts.CartRoutes;
import com.roseash.cart.carts.VisitorCart;
import com.roseash.cart.orders.Order;
import com.roseash.cart.orders.OrderRepository;
import com.roseash.cart.orders.OrderState;
import com.roseash.cart.sumup.SumUpRefused;
import com.roseash.cart.sumup.SumUpUnavailable;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.market.MarketUnavailable;
import com.roseash.platform.visitor.CurrentUser;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Checkout, for signed-in members: the cart becomes an order ({@link PlaceOrder}), its payment is started with
 * SumUp ({@link Payments}), and the member lands on the order's page, which sends them to SumUp's payment page.
 * (The hop is a link, not a redirect: the cart page's form may only lead to the platform's own hosts.)
 */
public final class CheckoutRoutes implements HttpService {

    private static final System.Logger LOG = System.getLogger(CheckoutRoutes.class.getName());

    private final VisitorCart visitorCart;
    private final CartRoutes cartPage;
    private final Optional<Checkouts> checkouts;
    private final Roles roles;
    private final ErrorResponses errors;

    /** @param checkouts empty when payments are not set up: checkout is then refused, saying so */
    public CheckoutRoutes(VisitorCart visitorCart, CartRoutes cartPage, Optional<Checkouts> checkouts, Roles roles,
                          ErrorResponses errors) {
        this.visitorCart = visitorCart;
        this.cartPage = cartPage;
        this.checkouts = checkouts;
        this.roles = roles;
        this.errors = errors;
    }

    /** Placing an order and starting its payment: what checkout needs, present only when payments are set up. */
    public record Checkouts(PlaceOrder placeOrder, Payments payments, OrderRepository orders, StockReleases stock) {

        /** An order whose payment cannot be made: it fails, and its stock goes back. */
        void failed(Order order, String reason) {
            if (orders.move(order.id(), OrderState.PENDING_PAYMENT, OrderState.FAILED, reason)) {
                stock.release(order.id());
            }
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(CartRoutes.CHECKOUT, roles.require("member", this::checkout));
    }

    private void checkout(ServerRequest request, ServerResponse response) {
        if (checkouts.isEmpty()) {
            cartPage.show(request, response, Status.SERVICE_UNAVAILABLE_503,
                    "Payments are not set up on this platform yet, so orders cannot be placed.");
            return;
        }
        CurrentUser member = CurrentUser.of(request).orElseThrow();
        Optional<String> cart = visitorCart.existing(request, response);
        if (cart.isEmpty()) {
            cartPage.show(request, response, Status.CONFLICT_409, "Your cart is empty.");
            return;
        }
        PlaceOrder.Result result;
        try {
            result = checkouts.get().placeOrder().place(member, cart.get());
        } catch (MarketUnavailable e) {
            LOG.log(Level.WARNING, "Checkout could not ask the market: " + e.getMessage());
            errors.render(request, response, Status.SERVICE_UNAVAILABLE_503,
                    "The market cannot be reached just now, so nothing was ordered. Try again in a moment.");
            return;
        }
        if (result instanceof PlaceOrder.Result.Refused refused) {
            cartPage.show(request, response, Status.CONFLICT_409, refused.reason());
            return;
        }
        Order order = ((PlaceOrder.Result.Placed) result).order();
        try {
            checkouts.get().payments().checkoutFor(order);
        } catch (SumUpUnavailable e) {
            // The order stands and holds its stock; its page says payment could not start and offers to try again.
            LOG.log(Level.WARNING, "Order " + order.id() + " placed, but its payment could not start: " + e.getMessage());
        } catch (SumUpRefused e) {
            // SumUp will not take this payment (an amount or currency the merchant cannot collect): asking again won't help.
            LOG.log(Level.ERROR, "SumUp refused the payment of order " + order.id() + ": " + e.getMessage());
            checkouts.get().failed(order, "SumUp refused the payment: " + e.getMessage());
        }
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, OrderPaths.order(order.id())).send();
    }
}
