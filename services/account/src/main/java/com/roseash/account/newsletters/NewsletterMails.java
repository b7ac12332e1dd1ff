package com.roseash.account.newsletters;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.roseash.platform.mail.Email;
import com.roseash.platform.mail.Mailer;
import com.roseash.platform.web.Html;

/**
 * Newsletter mail: the link confirming a subscription (double opt-in), and each issue as plain text and HTML with a
 * one-click unsubscribe (RFC 8058: {@code List-Unsubscribe} with an https link, {@code List-Unsubscribe-Post}), a
 * visible unsubscribe link, and a Message-ID fixed per issue and subscriber.
 */
public final class NewsletterMails {

    private final Mailer mailer;
    private final SignedLinks links;
    private final String accountUrl;
    private final Duration confirmTtl;
    private final Clock clock;

    /** @param accountUrl the account service's public address, ending in "/" */
    public NewsletterMails(Mailer mailer, SignedLinks links, String accountUrl, Duration confirmTtl, Clock clock) {
        this.mailer = mailer;
        this.links = links;
        this.accountUrl = accountUrl;
        this.confirmTtl = confirmTtl;
        this.clock = clock;
    }

    public boolean enabled() {
        return mailer.enabled();
    }

    public void sendConfirmation(Subscription subscription) {
        String link = accountUrl + "newsletters/confirm?token=" + encode(links.confirm(subscription.id(),
                clock.instant().plus(confirmTtl)));
        mailer.send(new Email(subscription.email(), "Confirm your subscription to " + subscription.newsletterName(),
                "Someone (we hope you) asked for " + subscription.newsletterName() + " at this address.\n\n"
                        + "Confirm within " + confirmTtl.toDays() + " days by opening this link:\n\n" + link + "\n\n"
                        + "If it was not you, ignore this mail: nothing will be sent.\n"));
    }

    /** Sends one issue to one subscriber; {@link com.roseash.platform.mail.MailUnavailable} when the server refused it. */
    public void sendIssue(NewsletterRepository.Delivery delivery) {
        String unsubscribe = unsubscribeUrl(delivery.subscriptionId());
        String text = delivery.markdown().strip() + "\n\n--\nYou receive " + delivery.newsletterName()
                + " because you subscribed. Unsubscribe: " + unsubscribe + "\n";
        String html = "<!doctype html><html><body><div style=\"max-width:40em;font-family:sans-serif\">" + delivery.html()
                + "<hr><p style=\"font-size:small\">You receive " + Html.escape(delivery.newsletterName())
                + " because you subscribed. <a href=\"" + Html.escape(unsubscribe) + "\">Unsubscribe</a></p></div></body></html>";
        mailer.send(new Email(delivery.email(), delivery.subject(), text, html, Map.of(
                "List-Unsubscribe", "<" + unsubscribe + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                "<issue-" + delivery.issueId() + "." + delivery.subscriptionId() + "@" + URI.create(accountUrl).getHost() + ">"));
    }

    String unsubscribeUrl(long subscription) {
        return accountUrl + "newsletters/unsubscribe?token=" + encode(links.unsubscribe(subscription));
    }

    private static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
