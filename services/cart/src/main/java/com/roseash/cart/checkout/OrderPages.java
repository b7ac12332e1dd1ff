package com.roseash.cart.checkout;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.roseash.cart.orders.Order;
import com.roseash.cart.orders.OrderRepository;
import com.roseash.cart.orders.OrderState;
import com.roseash.cart.sumup.Checkout;
import com.roseash.cart.sumup.SumUpRefused;
import com.roseash.cart.sumup.SumUpUnavailable;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.market.ReservationRequest;
import com.roseash.platform.visitor.CurrentUser;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * A member's orders (mounted at {@value OrderPaths#ORDERS}): the list, and each order's page, where SumUp sends
 * the payer back. Coming back is a moment to ask SumUp (the notification may not have arrived yet), so the page
 * shows the order paid at once; while it is unpaid, the page links to SumUp's payment page, which takes another
 * try after a declined card. An order is its member's (and editors'): anyone else is told there is no such order.
 */
public final class OrderPages implements HttpService {

    private static final System.Logger LOG = System.getLogger(OrderPages.class.getName());
    private static final int LISTED = 100;

    private final OrderRepository orders;
    private final Optional<Payments> payments;
    private final Optional<PaymentSettlement> settlement;
    private final StockReleases stock;
    private final PageRenderer renderer;
    private final Roles roles;

    /** @param payments and {@code settlement} are empty when payments are not set up */
    public OrderPages(OrderRepository orders, Optional<Payments> payments, Optional<PaymentSettlement> settlement,
                      StockReleases stock, PageRenderer renderer, Roles roles) {
        this.orders = orders;
        this.payments = payments;
        this.settlement = settlement;
        this.stock = stock;
        this.renderer = renderer;
        this.roles = roles;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", roles.require("member", this::list))
                .get("/{id}/", roles.require("member", this::show))
                .post("/{id}/pay", roles.require("member", this::pay))
                .post("/{id}/cancel", roles.require("member", this::cancel));
    }

    private void list(ServerRequest request, ServerResponse response) {
        CurrentUser member = CurrentUser.of(request).orElseThrow();
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        renderer.render(request, response, new Page("Your orders", "cart/orders",
                Map.of("orders", orders.ofMember(member.subject(), LISTED))));
    }

    private void show(ServerRequest request, ServerResponse response) {
        Order order = visible(request);
        String paymentProblem = "";
        Optional<Checkout> checkout = Optional.empty();
        if (order.payable() && order.checkoutId().isPresent() && settlement.isPresent()) {
            try {
                checkout = Optional.of(settlement.get().settleAndRead(order));
            } catch (SumUpUnavailable | SumUpRefused e) {
                LOG.log(Level.WARNING, "Order " + order.id() + ": SumUp could not be asked: " + e.getMessage());
                paymentProblem = "The payment service cannot be reached just now. Reload this page in a moment.";
            }
        }
        Order now = orders.byId(order.id()).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("order", now);
        model.put("history", orders.history(now.id()));
        // Only a web address goes in the link, whatever SumUp's answer holds.
        model.put("payUrl", now.payable() ? checkout.flatMap(Checkout::hostedCheckoutUrl)
                .filter(url -> "https".equals(url.getScheme()) || "http".equals(url.getScheme()))
                .map(Object::toString).orElse("") : "");
        model.put("paymentProblem", paymentProblem);
        model.put("canStartPayment", now.payable() && now.checkoutId().isEmpty() && payments.isPresent());
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        renderer.render(request, response, new Page("Order " + now.id(), "cart/order", model));
    }

    /** Starts the payment of an order whose checkout could not be made at checkout (SumUp was down). */
    private void pay(ServerRequest request, ServerResponse response) {
        Order order = visible(request);
        if (order.payable() && payments.isPresent()) {
            try {
                payments.get().checkoutFor(order);
            } catch (SumUpUnavailable | SumUpRefused e) {
                LOG.log(Level.WARNING, "Order " + order.id() + ": payment could not start: " + e.getMessage());
            }
        }
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, OrderPaths.order(order.id())).send();
    }

    /** The member gives up an unpaid order: unless SumUp says it was paid meanwhile, it ends and its stock goes back. */
    private void cancel(ServerRequest request, ServerResponse response) {
        Order order = visible(request);
        if (order.payable()) {
            try {
                settlement.ifPresent(settle -> settle.settle(order));
            } catch (SumUpUnavailable | SumUpRefused e) {
                throw new HttpException("The payment service cannot be reached, so it is not known whether this order "
                        + "was paid meanwhile: it was not cancelled. Try again in a moment.", Status.SERVICE_UNAVAILABLE_503,
                                true);
            }
            if (orders.move(order.id(), OrderState.PENDING_PAYMENT, OrderState.CANCELLED, "cancelled by the member")) {
                stock.release(order.id());
            }
        }
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, OrderPaths.order(order.id())).send();
    }

    /** The order in the path, when this member may see it (theirs, or any for an editor); else 404. */
    private Order visible(ServerRequest request) {
        CurrentUser user = CurrentUser.of(request).orElseThrow();
        String id = request.path().pathParameters().get("id");
        return Optional.ofNullable(id).filter(ReservationRequest::isOrderId).flatMap(orders::byId)
                .filter(order -> order.isFor(user.subject()) || user.editor())
                .orElseThrow(() -> new NotFoundException("There is no order " + id + " of yours."));
    }
}
