package com.roseash.events.tickets;

import java.util.List;

import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.market.MarketContract;
import com.roseash.platform.market.MarketJson;
import com.roseash.platform.market.Reservation;
import com.roseash.platform.market.ReservationRequest;
import com.roseash.platform.web.Slugs;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Events as a seller to the cart, on the internal socket at {@link MarketContract#TICKETS_MOUNT}: the market's
 * contract, for ticket types. Cart prices a cart's tickets, holds them at checkout and releases them when an order
 * ends unpaid; the order's payment then issues them ({@link TicketIssuer}).
 */
public final class TicketSellerRoutes implements HttpService {

    private final TicketStock stock;

    public TicketSellerRoutes(TicketStock stock) {
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
            throw ErrorResponses.badRequest("slug must be 1 to " + MarketContract.MAX_LINES + " ticket types' slugs");
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
