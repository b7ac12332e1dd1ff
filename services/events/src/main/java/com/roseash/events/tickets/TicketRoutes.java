package com.roseash.events.tickets;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.roseash.events.pages.EventPanel;
import com.roseash.events.schedule.ScheduledEvent;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.visitor.CurrentUser;
import com.roseash.platform.web.FormData;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Slugs;
import io.helidon.http.HeaderNames;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Tickets for people: the ticket types on an event's page (each with "Add to cart", to cart's host, seller
 * {@code events}); a ticket's own page at {@code /tickets/<code>/} (the code is the ticket, so whoever holds it may
 * see it) with its QR code; and checking in at the door, for organisers, by code or from the ticket's page, once.
 */
public final class TicketRoutes implements HttpService, EventPanel {

    private final TicketStock stock;
    private final TicketRepository tickets;
    private final PageRenderer renderer;
    private final Roles roles;
    private final Clock clock;
    private final String cartUrl;

    /** @param cartUrl cart's public address, ending in "/": "Add to cart" posts there */
    public TicketRoutes(TicketStock stock, TicketRepository tickets, PageRenderer renderer, Roles roles, Clock clock,
                        String cartUrl) {
        this.stock = stock;
        this.tickets = tickets;
        this.renderer = renderer;
        this.roles = roles;
        this.clock = clock;
        this.cartUrl = cartUrl;
    }

    /** A ticket type as the event's page offers it. */
    public record Offered(TicketType type, boolean onSale, String price) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/tickets/{code}/", this::ticket)
                .get("/ticket-types/{slug}/", this::ticketType)
                .get("/editor/check-in", roles.require("editor", (req, res) -> checkInPage(req, res, Status.OK_200, Map.of())))
                .post("/editor/check-in", roles.require("editor", this::checkIn));
    }

    @Override
    public Map<String, Object> model(ServerRequest request, ScheduledEvent event) {
        List<TicketType> types = stock.ofEvent(event.id());
        if (types.isEmpty()) {
            return Map.of();
        }
        List<Offered> offered = types.stream()
                .map(type -> new Offered(type, !event.cancelled() && type.onSale(clock.instant()) && !type.soldOut(),
                        type.price().display()))
                .toList();
        return Map.of("tickets", Map.of("types", offered, "cartUrl", cartUrl,
                "returnUrl", renderer.site().publicUrl() + "events/" + event.slug() + "/"));
    }

    /** Where a cart's ticket line links: the event's tickets. */
    private void ticketType(ServerRequest request, ServerResponse response) {
        String slug = Slugs.fromPath(request, "ticket type");
        String event = stock.eventSlugOf(slug).orElseThrow(() -> new NotFoundException("There are no tickets " + slug + "."));
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/events/" + event + "/#tickets").send();
    }

    private void ticket(ServerRequest request, ServerResponse response) {
        String code = TicketRepository.normalise(request.path().pathParameters().get("code"));
        Ticket ticket = (code.isEmpty() ? Optional.<Ticket>empty() : tickets.byCode(code))
                .orElseThrow(() -> new NotFoundException("There is no such ticket."));
        boolean organiser = CurrentUser.of(request).map(user -> user.hasRole("editor") || user.admin()).orElse(false);
        renderer.render(request, response, new Page("Ticket for " + ticket.eventTitle(), "events/ticket",
                Map.of("ticket", ticket, "qr", QrCodes.svg(renderer.site().publicUrl() + "tickets/" + ticket.code() + "/"),
                        "organiser", organiser)));
    }

    private void checkIn(ServerRequest request, ServerResponse response) {
        String typed = FormData.of(request).first("code").orElse("");
        String code = TicketRepository.normalise(typed);
        TicketRepository.CheckIn result = code.isEmpty() ? new TicketRepository.CheckIn.Unknown() : tickets.checkIn(code);
        Map<String, Object> model = switch (result) {
            case TicketRepository.CheckIn.Admitted admitted -> Map.of("admitted", admitted.ticket());
            case TicketRepository.CheckIn.AlreadyUsed used -> Map.of("used", used.ticket());
            case TicketRepository.CheckIn.Void voided -> Map.of("voided", voided.ticket());
            case TicketRepository.CheckIn.Unknown unknown -> Map.of("unknown", typed.isBlank() ? "(nothing)" : typed);
        };
        // A ticket used before is a conflict with its state, an unknown code a 404: door apps can tell by status.
        Status status = switch (result) {
            case TicketRepository.CheckIn.Admitted admitted -> Status.OK_200;
            case TicketRepository.CheckIn.AlreadyUsed used -> Status.CONFLICT_409;
            case TicketRepository.CheckIn.Void voided -> Status.CONFLICT_409;
            case TicketRepository.CheckIn.Unknown unknown -> Status.NOT_FOUND_404;
        };
        checkInPage(request, response, status, model);
    }

    private void checkInPage(ServerRequest request, ServerResponse response, Status status, Map<String, Object> model) {
        renderer.renderStatus(request, response, status, new Page("Check in", "events/check-in", model));
    }
}
