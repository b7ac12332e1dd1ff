package com.roseash.platform.market;

import java.util.List;

import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.web.Slugs;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * A seller's side of the contract ({@link MarketContract}) on its internal socket: offers, and items held for
 * orders. The market mounts it at {@link MarketContract#MOUNT} over its stock, events at
 * {@link MarketContract#TICKETS_MOUNT} over its ticket types. Cart is the caller; the internal socket is reachable
 * only from the platform's own pods.
 */
public final class SellerRoutes implements HttpService {

    private final SellerStock stock;

    public SellerRoutes(SellerStock stock) {
        this.stock = stock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(MarketContract.OFFERS, this::offers)
                .post(MarketContract.RESERVATIONS, this::reserve)
                .post(MarketContract.RESERVATIONS + "/{orderId}" + MarketContract.RELEASE, this::release);
    }

    private void offers(ServerRequest request, ServerResponse response) {
        List<String> slugs = request.query().all("slug", List::of);
        if (slugs.size() > MarketContract.MAX_LINES || !slugs.stream().allMatch(Slugs::isValid)) {
            throw ErrorResponses.badRequest("slug must be 1 to " + MarketContract.MAX_LINES + " items' slugs");
        }
        json(response, Status.OK_200, MarketJson.offers(stock.offers(slugs)));
    }

    private void reserve(ServerRequest request, ServerResponse response) {
        ReservationRequest asked;
        try {
            asked = MarketJson.readRequest(request.content().as(String.class));
        } catch (IllegalArgumentException e) {
            throw ErrorResponses.badRequest(e.getMessage());
        }
        Reservation reservation = stock.reserve(asked.orderId(), asked.quantities());
        json(response, reservation instanceof Reservation.Held ? Status.OK_200 : Status.CONFLICT_409,
                MarketJson.reservation(reservation));
    }

    private void release(ServerRequest request, ServerResponse response) {
        String orderId = request.path().pathParameters().get("orderId");
        if (!ReservationRequest.isOrderId(orderId)) {
            throw ErrorResponses.badRequest(ReservationRequest.ORDER_ID_RULE);
        }
        json(response, Status.OK_200, "{\"released\":" + stock.release(orderId) + "}");
    }

    private static void json(ServerResponse response, Status status, String body) {
        response.status(status).header(HeaderNames.CONTENT_TYPE, "application/json").send(body);
    }
}
