package com.roseash.events.tickets;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.stream.Collectors;

import com.roseash.platform.mail.Email;
import com.roseash.platform.mail.MailUnavailable;
import com.roseash.platform.mail.Mailer;

/**
 * Mails a paid order's tickets to the buyer: each ticket's code and the link to its page with the QR code. An
 * order's tickets remember being mailed, so a refused mail is sent again by the next pass.
 */
public final class TicketMails {

    private static final System.Logger LOG = System.getLogger(TicketMails.class.getName());

    private final TicketRepository tickets;
    private final Mailer mailer;
    private final String eventsUrl;

    public TicketMails(TicketRepository tickets, Mailer mailer, String eventsUrl) {
        this.tickets = tickets;
        this.mailer = mailer;
        this.eventsUrl = eventsUrl;
    }

    public int sendPending() {
        if (!mailer.enabled()) {
            return 0;
        }
        int sent = 0;
        for (String orderId : tickets.ordersToMail(50)) {
            List<Ticket> issued = tickets.ofOrder(orderId);
            Email email;
            try {
                email = email(issued);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.ERROR, "The tickets of order " + orderId + " cannot be mailed: " + e.getMessage());
                tickets.mailed(orderId);
                continue;
            }
            try {
                mailer.send(email);
            } catch (MailUnavailable e) {
                LOG.log(Level.WARNING, "Ticket mails wait for the mail server: " + e.getMessage());
                return sent;
            }
            tickets.mailed(orderId);
            sent++;
        }
        return sent;
    }

    Email email(List<Ticket> issued) {
        Ticket first = issued.getFirst();
        String list = issued.stream()
                .map(t -> "  " + t.eventTitle() + ", " + t.typeName() + "\n  Code " + t.code() + "\n  " + eventsUrl + "tickets/"
                        + t.code() + "/\n")
                .collect(Collectors.joining("\n"));
        String subject = issued.size() == 1 ? "Your ticket for " + first.eventTitle() : "Your tickets for " + first.eventTitle();
        return new Email(first.email(), subject, "Thank you: order " + first.orderId() + " is paid.\n\n"
                + "Show a ticket's QR code (on its page) or say its code at the door; each admits one person, once.\n\n"
                + list);
    }
}
