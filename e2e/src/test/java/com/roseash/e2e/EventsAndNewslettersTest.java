package com.roseash.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.roseash.stack.LocalMail;
import com.roseash.stack.LocalStack;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events and newsletters in a real Chromium, on the local stack with its demo events and its mail catcher: the
 * blog's home shows what is coming up and opens an event on its own host; a member books a place and cancels it;
 * a ticket is bought end to end (added on the event's page, paid on SumUp's stand-in, mailed, shown with its QR code
 * and in the account); a visitor subscribes to a newsletter, confirms from the mail's link, and unsubscribes from an
 * issue's link.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsAndNewslettersTest {

    private static final Pattern LINK = Pattern.compile("http://\\S+");
    private Chromium chromium;
    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    void startBrowser() {
        SharedStack.get();
        chromium = new Chromium();
    }

    @AfterAll
    void stopBrowser() {
        chromium.close();
    }

    @BeforeEach
    void openPage() {
        context = chromium.browser.newContext();
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text() + " at " + message.location());
            }
        });
    }

    @AfterEach
    void closePage() {
        context.close();
        List<String> errors = List.copyOf(consoleErrors);
        consoleErrors.clear();
        assertThat(errors).as("console errors (CSP violations show here)").isEmpty();
    }

    /** The first link in the newest mail to {@code address} whose subject contains {@code subject}. */
    private static String linkInMail(String address, String subject, String startingWith) {
        LocalMail mail = SharedStack.get().mail();
        await().atMost(Duration.ofSeconds(30)).until(() -> newest(mail, address, subject).isPresent());
        Matcher links = LINK.matcher(LocalMail.text(newest(mail, address, subject).orElseThrow()));
        while (links.find()) {
            if (links.group().startsWith(startingWith)) {
                return links.group();
            }
        }
        throw new AssertionError("No link to " + startingWith + " in the mail " + subject);
    }

    private static Optional<MimeMessage> newest(LocalMail mail, String address, String subject) {
        return mail.receivedBy(address).stream().filter(m -> subjectOf(m).contains(subject)).reduce((a, b) -> b);
    }

    @Test
    void theBlogsHomeShowsUpcomingEventsAndOpensOneOnTheEventsHost() {
        page.navigate(SharedStack.url("blog", "/"));
        assertThat(page.locator("#content .upcoming-events h2").innerText()).isEqualTo("Upcoming events");

        page.locator("#content .upcoming-events a:has-text('Bread workshop')").click();

        // Another host: an ordinary navigation, not a boosted swap.
        page.waitForURL(SharedStack.url("events", "/events/bread-workshop-evening/"));
        assertThat(page.locator("#content h1").innerText()).isEqualTo("Bread workshop");
        assertThat(page.locator("#content .booking-panel .places").innerText()).endsWith("places left.");
    }

    @Test
    void aMemberBooksAPlaceIsMailedAndCancels() {
        String event = SharedStack.url("events", "/events/bread-workshop-evening/");
        page.navigate(event);
        String left = page.locator("#content .booking-panel .places").innerText();
        page.locator("#content .booking-panel a:has-text('Sign in to book')").click();
        SharedStack.signInAsAdmin(page, event);

        page.locator("#content .booking-panel input[name=places]").fill("2");
        page.locator("#content .booking-panel button:text-is('Book')").click();
        page.locator("#content .my-booking").waitFor();
        assertThat(page.locator("#content .my-booking").innerText()).isEqualTo("You have booked 2 place(s).");
        assertThat(linkInMail(LocalStack.ADMIN_EMAIL, "Booked: Bread workshop", SharedStack.url("events", "")))
                .isEqualTo(event);

        page.locator("#content .booking-panel button:has-text('Cancel my booking')").click();
        page.locator("#content .booking-panel button:text-is('Book')").waitFor();
        assertThat(page.locator("#content .my-booking").count()).isZero();
        assertThat(page.locator("#content .booking-panel .places").innerText()).isEqualTo(left);
    }

    @Test
    void aTicketIsBoughtPaidMailedAndShownWithItsQrCodeAndInTheAccount() {
        page.navigate(SharedStack.url("events", "/events/apple-day/"));
        assertThat(page.locator("header .cart-count").innerText()).isEqualTo("0");
        page.locator("#content .ticket-type:has-text('Adult') form.add-to-cart button").click();
        page.waitForCondition(() -> page.locator("header .cart-count").innerText().equals("1"));

        page.locator("header a.cart-mini").click();
        page.waitForURL(SharedStack.url("cart", "/"));
        assertThat(page.locator("#content .cart-line[data-seller='events']").innerText()).contains("Apple Day: Adult");
        page.locator("#content a.sign-in-to-check-out").click();
        SharedStack.signInAsAdmin(page, SharedStack.url("cart", "/"));
        page.locator("#content button.checkout-button").click();
        page.waitForURL(SharedStack.url("cart", "/orders/") + "**");
        String orderUrl = page.url();
        page.locator("#content a.pay-button").click();
        page.waitForURL("**/pay/**");
        page.locator("button:has-text('Pay')").click();
        page.waitForURL(orderUrl);
        assertThat(page.locator("#content .order-state").innerText()).isEqualTo("paid");

        // Cart's order.paid reaches events, which issues the ticket and mails it.
        String ticket = linkInMail(LocalStack.ADMIN_EMAIL, "Your ticket for Apple Day", SharedStack.url("events", "/tickets/"));
        page.navigate(ticket);
        assertThat(page.locator("#content svg.qr").isVisible()).isTrue();
        assertThat(page.locator("#content .ticket-status").innerText()).isEqualTo("Valid for one person, once.");
        String code = page.locator("#content .ticket-code strong").innerText();

        page.navigate(SharedStack.url("account", "/"));
        page.waitForURL(SharedStack.url("account", "/"));
        assertThat(page.locator("#content .member-tickets").innerText()).contains(code).contains("Apple Day, Adult");
        assertThat(page.locator("#content .member-tickets svg.qr").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aVisitorSubscribesConfirmsFromTheMailAndUnsubscribesFromAnIssuesLink() throws SQLException {
        sql("INSERT INTO account.newsletters (slug, name, description) VALUES ('orchard-notes', 'Orchard notes', '')"
                + " ON CONFLICT DO NOTHING");
        String reader = "reader-" + System.nanoTime() + "@example.org";
        page.navigate(SharedStack.url("account", "/newsletters/orchard-notes/"));
        page.locator("#content input[name=email]").fill(reader);
        page.locator("#content button:has-text('Subscribe')").click();
        page.locator("#content h1:has-text('Check your mail')").waitFor();
        assertThat(page.locator("#content").innerText()).contains("we sent it a link");

        page.navigate(linkInMail(reader, "Confirm your subscription to Orchard notes", SharedStack.url("account", "/")));
        page.locator("#content button:has-text('Yes, send me this newsletter')").click();
        page.locator("#content h1:has-text('Subscribed')").waitFor();
        assertThat(page.locator("#content p").innerText()).isEqualTo(reader + " receives Orchard notes from now on.");

        long issue = issue("Blossom week", "The orchard is in *blossom*.");
        startSending(issue);
        String unsubscribe = linkInMail(reader, "Blossom week", SharedStack.url("account", "/newsletters/unsubscribe"));
        page.navigate(unsubscribe);
        page.locator("#content button:has-text('Unsubscribe me')").click();
        page.locator("#content h1:has-text('Unsubscribed')").waitFor();
        assertThat(page.locator("#content p").innerText()).isEqualTo(reader + " receives Orchard notes no more.");
    }

    @Test
    void aMemberWhoDeletesTheirAccountLosesTheirBookingAndSubscriptionInEveryService() throws SQLException {
        sql("INSERT INTO account.newsletters (slug, name, description) VALUES ('orchard-notes', 'Orchard notes', '')"
                + " ON CONFLICT DO NOTHING");
        String email = "leaving-" + System.nanoTime() + "@example.org";
        String password = "a long enough passphrase";
        page.navigate(SharedStack.url("federation", "/register"));
        page.locator("input[name=name]").fill("Leaving Member");
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=password]").fill(password);
        page.locator("form[action='/register'] button").click();
        page.locator("#content h1:has-text('Check your mail')").waitFor();
        page.navigate(linkInMail(email, "Confirm your address", SharedStack.url("federation", "/confirm-email")));
        assertThat(page.locator("#content h1").innerText()).isEqualTo("Your address is confirmed. You can sign in now.");

        // A booking on events (signing in there through federation) and a subscription on account.
        String event = SharedStack.url("events", "/events/bread-workshop-evening/");
        page.navigate(event);
        page.locator("#content .booking-panel a:has-text('Sign in to book')").click();
        page.waitForURL(SharedStack.url("federation", "/login") + "**");
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=password]").fill(password);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(event);
        page.locator("#content .booking-panel button:text-is('Book')").click();
        page.locator("#content .my-booking").waitFor();
        page.navigate(SharedStack.url("account", "/newsletters/orchard-notes/"));
        page.locator("#content input[name=email]").fill(email);
        page.locator("#content button:has-text('Subscribe')").click();
        page.navigate(linkInMail(email, "Confirm your subscription to Orchard notes", SharedStack.url("account", "/")));
        page.locator("#content button:has-text('Yes, send me this newsletter')").click();
        page.locator("#content h1:has-text('Subscribed')").waitFor();
        long subject = count("SELECT id FROM federation.users WHERE email = '" + email + "'");
        assertThat(count("SELECT count(*) FROM events.bookings WHERE member = '" + subject + "'")).isEqualTo(1);

        page.navigate(SharedStack.url("federation", "/account/delete"));
        page.locator("input[name=currentPassword]").fill(password);
        page.locator("input[name=confirm]").fill("delete");
        page.locator("form[action='/account/delete'] button").click();
        page.locator("#content h1:has-text('Your account is deleted.')").waitFor();

        // federation's outbox delivers member.deleted to account, cart and events, each handling it in its inbox.
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM events.bookings WHERE member = '"
                + subject + "'") == 0 && count("SELECT count(*) FROM account.subscriptions WHERE email = '" + email + "'") == 0);
        assertThat(count("SELECT count(*) FROM federation.users WHERE email = '" + email + "'")).isZero();
        assertThat(count("SELECT count(*) FROM federation.event_deliveries d JOIN federation.event_outbox o"
                + " ON o.position = d.event_position WHERE o.aggregate_id = '" + subject + "' AND d.delivered_at IS NOT NULL"))
                .as("delivered to account, cart and events").isEqualTo(3);
    }

    private static long count(String query) {
        try (Connection db = connect(); var rows = db.createStatement().executeQuery(query)) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long issue(String subject, String markdown) throws SQLException {
        try (Connection db = connect(); var statement = db.prepareStatement("INSERT INTO account.issues"
                + " (newsletter_id, subject, markdown, html, state) SELECT id, ?, ?, ?, 'draft' FROM account.newsletters"
                + " WHERE slug = 'orchard-notes' RETURNING id")) {
            statement.setString(1, subject);
            statement.setString(2, markdown);
            statement.setString(3, "<p>" + markdown + "</p>");
            var rows = statement.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }

    /** What the editor's "send" does, in one transaction: the deliveries for everyone confirmed now. */
    private static void startSending(long issue) throws SQLException {
        sql("UPDATE account.issues SET state = 'sending', send_started_at = now() WHERE id = " + issue);
        sql("INSERT INTO account.issue_deliveries (issue_id, subscription_id, state) SELECT " + issue + ", id, 'pending'"
                + " FROM account.subscriptions WHERE state = 'confirmed' AND newsletter_id = (SELECT newsletter_id"
                + " FROM account.issues WHERE id = " + issue + ")");
    }

    private static void sql(String statement) throws SQLException {
        try (Connection db = connect()) {
            db.createStatement().execute(statement);
        }
    }

    private static Connection connect() throws SQLException {
        var database = SharedStack.get().database();
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }
}
