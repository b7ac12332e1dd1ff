package com.roseash.events.bookings;

import java.lang.System.Logger.Level;

import com.roseash.platform.mail.Email;
import com.roseash.platform.mail.MailUnavailable;
import com.roseash.platform.mail.Mailer;

/**
 * Tells members what became of their bookings: booked, waiting (and where in line), moved up from the waiting
 * list, cancelled. A booking remembers whether its current state was mailed, so a mail the server refused is
 * sent again later, and a state that changed before its mail went out is mailed as it is now.
 */
public final class BookingMails {

    private static final System.Logger LOG = System.getLogger(BookingMails.class.getName());

    private final BookingRepository bookings;
    private final Mailer mailer;
    private final String eventsUrl;

    /** @param eventsUrl the events service's public address, ending in "/", for the link to the event */
    public BookingMails(BookingRepository bookings, Mailer mailer, String eventsUrl) {
        this.bookings = bookings;
        this.mailer = mailer;
        this.eventsUrl = eventsUrl;
    }

    /** Sends every mail not yet sent; returns how many went. */
    public int sendPending() {
        if (!mailer.enabled()) {
            return 0;
        }
        int sent = 0;
        for (Booking booking : bookings.unmailed(100)) {
            Email email;
            try {
                email = email(booking);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.ERROR, "Booking " + booking.id() + " cannot be mailed: " + e.getMessage());
                bookings.mailed(booking.id(), booking.state());
                continue;
            }
            try {
                mailer.send(email);
            } catch (MailUnavailable e) {
                LOG.log(Level.WARNING, "Booking mails wait for the mail server: " + e.getMessage());
                return sent;
            }
            bookings.mailed(booking.id(), booking.state());
            sent++;
        }
        return sent;
    }

    Email email(Booking booking) {
        String link = eventsUrl + "events/" + booking.eventSlug() + "/";
        String places = booking.places() == 1 ? "1 place" : booking.places() + " places";
        return switch (booking.state()) {
            case BOOKED -> new Email(booking.email(), "Booked: " + booking.eventTitle(),
                    "Hello " + booking.name() + ",\n\nYou have " + places + " at " + booking.eventTitle() + ".\n\n"
                            + "The event, and cancelling if you cannot come: " + link + "\n");
            case WAITING -> new Email(booking.email(), "On the waiting list: " + booking.eventTitle(),
                    "Hello " + booking.name() + ",\n\n" + booking.eventTitle() + " is full. You are number "
                            + booking.waitingPosition() + " on the waiting list for " + places
                            + ", and we will write again as soon as a place is yours.\n\nThe event: " + link + "\n");
            case CANCELLED -> new Email(booking.email(), "Cancelled: your booking of " + booking.eventTitle(),
                    "Hello " + booking.name() + ",\n\nYour booking of " + places + " at " + booking.eventTitle()
                            + " is cancelled.\n\nThe event: " + link + "\n");
        };
    }
}
