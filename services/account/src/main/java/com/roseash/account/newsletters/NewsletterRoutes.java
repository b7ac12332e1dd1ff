package com.roseash.account.newsletters;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.roseash.platform.csrf.CsrfExempt;
import com.roseash.platform.mail.MailUnavailable;
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
 * Newsletters for everyone, signed in or not: the lists, subscribing (double opt-in: nothing is sent until the
 * link mailed to the address is followed and its page's button pressed), confirming, and unsubscribing from an
 * issue's link. The unsubscribe
 * address takes RFC 8058's one-click POST from mail clients, so it is exempt from the CSRF check (the signed token
 * is what proves the right to it); a GET only shows a button, since link checkers fetch links in mail.
 */
public final class NewsletterRoutes implements HttpService, CsrfExempt {

    public static final String MOUNT = "/newsletters";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");
    private static final System.Logger LOG = System.getLogger(NewsletterRoutes.class.getName());

    private final NewsletterRepository newsletters;
    private final NewsletterMails mails;
    private final SignedLinks links;
    private final PageRenderer renderer;
    private final Clock clock;

    public NewsletterRoutes(NewsletterRepository newsletters, NewsletterMails mails, SignedLinks links, PageRenderer renderer,
                            Clock clock) {
        this.newsletters = newsletters;
        this.mails = mails;
        this.links = links;
        this.renderer = renderer;
        this.clock = clock;
    }

    @Override
    public List<String> csrfExemptPaths() {
        return List.of("/unsubscribe");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::lists)
                .get("/confirm", this::confirmPage)
                .post("/confirm", this::confirm)
                .get("/unsubscribe", this::unsubscribePage)
                .post("/unsubscribe", this::unsubscribe)
                .get("/{slug}/", this::newsletter)
                .post("/{slug}/subscribe", this::subscribe);
    }

    private void lists(ServerRequest request, ServerResponse response) {
        renderer.render(request, response, new Page("Newsletters", "account/newsletters/lists",
                Map.of("newsletters", newsletters.all())));
    }

    private void newsletter(ServerRequest request, ServerResponse response) {
        Newsletter newsletter = find(request);
        renderer.render(request, response, new Page(newsletter.name(), "account/newsletters/newsletter",
                Map.of("newsletter", newsletter, "email", CurrentUser.of(request).map(CurrentUser::email).orElse(""))));
    }

    /** The same answer whether the address was new, pending or subscribed already: nobody learns who reads what. */
    private void subscribe(ServerRequest request, ServerResponse response) {
        Newsletter newsletter = find(request);
        String email = FormData.of(request).first("email").orElse("").strip();
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            renderer.renderStatus(request, response, Status.BAD_REQUEST_400, new Page(newsletter.name(),
                    "account/newsletters/newsletter", Map.of("newsletter", newsletter, "email", email,
                            "problem", "Enter an e-mail address such as name@example.org.")));
            return;
        }
        String member = CurrentUser.of(request).map(CurrentUser::subject).orElse(null);
        newsletters.subscribe(newsletter.id(), email, member).ifPresent(subscription -> {
            try {
                mails.sendConfirmation(subscription);
            } catch (MailUnavailable e) {
                // Subscribing again sends a new link; the page cannot say more without telling who is subscribed.
                LOG.log(Level.WARNING, "A subscription's confirmation was not sent: " + e.getMessage());
            }
        });
        renderer.render(request, response, new Page("Check your mail", "account/newsletters/message", Map.of(
                "title", "Check your mail", "message", "If " + email + " is not subscribed to " + newsletter.name()
                        + " yet, we sent it a link: follow it to confirm, and the next issue comes to you.")));
    }

    /** A GET only asks: link checkers open the links in mail, and must not subscribe anyone. */
    private void confirmPage(ServerRequest request, ServerResponse response) {
        String token = request.query().first("token").orElse("");
        try {
            links.confirmed(token, clock.instant());
        } catch (SignedLinks.Refused e) {
            refused(request, response, e.getMessage());
            return;
        }
        renderer.render(request, response, new Page("Confirm your subscription", "account/newsletters/confirm",
                Map.of("token", token)));
    }

    private void confirm(ServerRequest request, ServerResponse response) {
        long id;
        try {
            id = links.confirmed(FormData.of(request).first("token").orElse(""), clock.instant());
        } catch (SignedLinks.Refused e) {
            refused(request, response, e.getMessage());
            return;
        }
        Optional<Subscription> subscription = newsletters.confirm(id);
        if (subscription.isEmpty() || !subscription.get().confirmed()) {
            refused(request, response, "This subscription was ended since: subscribe again.");
            return;
        }
        renderer.render(request, response, new Page("Subscribed", "account/newsletters/message", Map.of(
                "title", "Subscribed", "message", subscription.get().email() + " receives "
                        + subscription.get().newsletterName() + " from now on.")));
    }

    private void unsubscribePage(ServerRequest request, ServerResponse response) {
        String token = request.query().first("token").orElse("");
        try {
            links.unsubscribed(token);
        } catch (SignedLinks.Refused e) {
            refused(request, response, e.getMessage());
            return;
        }
        renderer.render(request, response, new Page("Unsubscribe", "account/newsletters/unsubscribe", Map.of("token", token)));
    }

    /** From the page's button, or a mail client's one-click POST (RFC 8058): the token is in the query either way. */
    private void unsubscribe(ServerRequest request, ServerResponse response) {
        long id;
        try {
            id = links.unsubscribed(request.query().first("token").asOptional()
                    .or(() -> FormData.of(request).first("token").asOptional()).orElse(""));
        } catch (SignedLinks.Refused e) {
            refused(request, response, e.getMessage());
            return;
        }
        Optional<Subscription> subscription = newsletters.unsubscribe(id);
        renderer.render(request, response, new Page("Unsubscribed", "account/newsletters/message", Map.of(
                "title", "Unsubscribed", "message", subscription.map(s -> s.email() + " receives " + s.newsletterName()
                        + " no more.").orElse("This address receives nothing from us any more."))));
    }

    private void refused(ServerRequest request, ServerResponse response, String reason) {
        renderer.renderStatus(request, response, Status.BAD_REQUEST_400, new Page("Link not valid",
                "account/newsletters/message", Map.of("title", "This link does not work", "message", reason)));
    }

    private Newsletter find(ServerRequest request) {
        String slug = Slugs.fromPath(request, "newsletter");
        return newsletters.bySlug(slug).orElseThrow(() -> new NotFoundException("There is no newsletter " + slug + "."));
    }

    static void redirect(ServerResponse response, String location) {
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).send();
    }
}
