package com.roseash.cart.checkout;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

import com.roseash.cart.orders.IllegalOrderChange;
import com.roseash.cart.orders.Order;
import com.roseash.cart.orders.OrderRepository;
import com.roseash.cart.orders.OrderState;
import com.roseash.cart.sumup.SumUpClient;
import com.roseash.cart.sumup.SumUpRefused;
import com.roseash.cart.sumup.SumUpUnavailable;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.market.ReservationRequest;
import com.roseash.platform.visitor.CurrentUser;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import io.helidon.http.HeaderNames;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Every member's orders, for editors (mounted at {@value #MOUNT}): mark a paid order fulfilled, or refund it
 * through SumUp (its whole total, on the transaction that paid it) and give its stock back to the market.
 */
public final class OrderEditorRoutes implements HttpService {

    public static final String MOUNT = "/editor/orders";
    private static final System.Logger LOG = System.getLogger(OrderEditorRoutes.class.getName());
    private static final int LISTED = 200;

    private final OrderRepository orders;
    private final Optional<SumUpClient> sumup;
    private final StockReleases stock;
    private final PageRenderer renderer;
    private final Roles roles;
    private final ErrorResponses errors;

    /** @param sumup empty when payments are not set up (then nothing can be paid, nor refunded) */
    public OrderEditorRoutes(OrderRepository orders, Optional<SumUpClient> sumup, StockReleases stock,
                             PageRenderer renderer, Roles roles, ErrorResponses errors) {
        this.orders = orders;
        this.sumup = sumup;
        this.stock = stock;
        this.renderer = renderer;
        this.roles = roles;
        this.errors = errors;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", editor((request, response) -> {
            response.header(HeaderNames.CACHE_CONTROL, "no-store");
            renderer.render(request, response, new Page("Orders", "cart/editor/orders",
                    Map.of("orders", orders.recent(LISTED))));
        }))
                .post("/{id}/fulfil", editor(this::fulfil))
                .post("/{id}/refund", editor(this::refund));
    }

    private Handler editor(Handler handler) {
        return roles.require("editor", handler);
    }

    private void fulfil(ServerRequest request, ServerResponse response) {
        Order order = order(request);
        try {
            if (!orders.move(order.id(), OrderState.PAID, OrderState.FULFILLED, "fulfilled by " + who(request))) {
                refuse(request, response, order, OrderState.FULFILLED);
                return;
            }
        } catch (IllegalOrderChange e) {
            errors.render(request, response, Status.CONFLICT_409, e.getMessage() + ".");
            return;
        }
        backToList(response);
    }

    private void refund(ServerRequest request, ServerResponse response) {
        Order order = order(request);
        if (order.state() != OrderState.PAID || order.transactionId().isEmpty() || sumup.isEmpty()) {
            errors.render(request, response, Status.CONFLICT_409, order.state() == OrderState.PAID
                    ? "This order's payment is not known to SumUp here, so it cannot be refunded from this page."
                    : new IllegalOrderChange(order.state(), OrderState.REFUNDED).getMessage() + ".");
            return;
        }
        try {
            sumup.get().refund(order.transactionId().get(), order.total());
        } catch (SumUpRefused | SumUpUnavailable e) {
            LOG.log(Level.WARNING, "Refund of order " + order.id() + " failed: " + e.getMessage());
            errors.render(request, response, Status.BAD_GATEWAY_502, "SumUp did not refund this order: " + e.getMessage());
            return;
        }
        if (orders.move(order.id(), OrderState.PAID, OrderState.REFUNDED, "refunded by " + who(request))) {
            stock.release(order.id());
        }
        backToList(response);
    }

    private void refuse(ServerRequest request, ServerResponse response, Order order, OrderState to) {
        OrderState now = orders.byId(order.id()).map(Order::state).orElse(order.state());
        errors.render(request, response, Status.CONFLICT_409, new IllegalOrderChange(now, to).getMessage() + ".");
    }

    private Order order(ServerRequest request) {
        String id = request.path().pathParameters().get("id");
        return Optional.ofNullable(id).filter(ReservationRequest::isOrderId).flatMap(orders::byId)
                .orElseThrow(() -> new NotFoundException("There is no order " + id + "."));
    }

    private static String who(ServerRequest request) {
        return CurrentUser.of(request).map(CurrentUser::name).orElse("an editor");
    }

    private static void backToList(ServerResponse response) {
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, MOUNT + "/").send();
    }
}
