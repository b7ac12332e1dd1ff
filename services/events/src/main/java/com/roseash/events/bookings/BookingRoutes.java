package com.roseash.events.bookings;

import java.util.Map;
import java.util.concurrent.Executor;

import com.roseash.events.pages.EventPanel;
import com.roseash.events.schedule.EventRepository;
import com.roseash.events.schedule.ScheduledEvent;
import com.roseash.platform.auth.OidcLogin;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.visitor.CurrentUser;
import com.roseash.platform.web.FormData;
import com.roseash.platform.web.Slugs;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Members book an event's places and cancel their booking, from the event's page (forms, no JavaScript needed);
 * the page then says where they stand. The booking panel on that page is this feature's too.
 */
public final class BookingRoutes implements HttpService, EventPanel {

    private final EventRepository events;
    private final BookingRepository bookings;
    private final BookingMails mails;
    private final Roles roles;
    private final Executor background;

    public BookingRoutes(EventRepository events, BookingRepository bookings, BookingMails mails, Roles roles,
                         Executor background) {
        this.events = events;
        this.bookings = bookings;
        this.mails = mails;
        this.roles = roles;
        this.background = background;
    }

    /** What the event's page shows of bookings: places left, the member's own booking, or the form. */
    public record Panel(int places, long left, long waiting, boolean full, boolean signedIn, Booking mine,
                        boolean cancelled, String signInPath) {

        public boolean hasMine() {
            return mine != null;
        }

        /** Templates: Mustache counts 0 as true. */
        public boolean anyWaiting() {
            return waiting > 0;
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/events/{slug}/bookings", roles.require("member", this::book))
                .post("/events/{slug}/bookings/cancel", roles.require("member", this::cancel));
    }

    @Override
    public Map<String, Object> model(ServerRequest request, ScheduledEvent event) {
        if (!event.takesBookings()) {
            return Map.of();
        }
        BookingRepository.Counts counts = bookings.counts(event.id());
        Booking mine = CurrentUser.of(request).flatMap(user -> bookings.liveOf(event.id(), user.subject())).orElse(null);
        long left = Math.max(0, event.places() - counts.booked());
        return Map.of("booking", new Panel(event.places(), left, counts.waiting(), left == 0 || counts.waiting() > 0,
                CurrentUser.of(request).isPresent(), mine, event.cancelled(),
                OidcLogin.loginPath("/events/" + event.slug() + "/")));
    }

    private void book(ServerRequest request, ServerResponse response) {
        ScheduledEvent event = event(request);
        CurrentUser member = CurrentUser.of(request).orElseThrow();
        int places;
        try {
            places = Integer.parseInt(FormData.of(request).first("places").orElse("1").strip());
        } catch (NumberFormatException e) {
            throw ErrorResponses.badRequest("places must be a number from 1 to " + BookingRepository.MAX_PLACES + ".");
        }
        BookingRepository.Outcome outcome = bookings.book(event.id(), member, places);
        if (outcome instanceof BookingRepository.Outcome.Refused refused) {
            // A full event is not a refusal (that waits); these are: a 409 with the reason, a page for browsers.
            throw new HttpException(refused.reason(), Status.CONFLICT_409, true);
        }
        background.execute(mails::sendPending);
        backToEvent(response, event);
    }

    private void cancel(ServerRequest request, ServerResponse response) {
        ScheduledEvent event = event(request);
        bookings.cancel(event.id(), CurrentUser.of(request).orElseThrow().subject());
        background.execute(mails::sendPending);
        backToEvent(response, event);
    }

    private ScheduledEvent event(ServerRequest request) {
        String slug = Slugs.fromPath(request, "event");
        return events.bySlug(slug).orElseThrow(() -> new NotFoundException("There is no event " + slug + "."));
    }

    private static void backToEvent(ServerResponse response, ScheduledEvent event) {
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/events/" + event.slug() + "/#booking").send();
    }

}
