package com.roseash.cart.checkout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.roseash.cart.testing.CartWorld;
import com.roseash.platform.events.DomainEvent;
import com.roseash.platform.events.EventJson;
import com.roseash.platform.events.EventType;
import com.roseash.platform.events.MemberDeleted;
import com.roseash.platform.market.MarketClient;
import com.roseash.platform.market.MarketContract;
import com.roseash.platform.testing.Mails;
import com.roseash.platform.testing.RoutedClient;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tickets bought through the cart, against the real market and the real events service on loopback, SumUp's
 * stand-in and GreenMail: a cart of both sellers, checkout holding at both, payment issuing the tickets through the
 * {@code order.paid} domain event (delivered by cart's outbox processor to events' internal socket), and the ticket
 * mail; a refusal at one seller gives back what the other held; a member who leaves is forgotten.
 */
class TicketCheckoutTest {

    private static final Pattern ORDER = Pattern.compile("/orders/([^/]+)/");
    private static CartWorld world;
    private static MarketClient market;
    private static MarketClient tickets;

    @BeforeAll
    static void start() {
        world = new CartWorld();
        market = new MarketClient("http://127.0.0.1:" + world.market.internalPort(), Duration.ofSeconds(5));
        tickets = new MarketClient("http://127.0.0.1:" + world.events.internalPort(), MarketContract.TICKETS_MOUNT,
                Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static void add(RoutedClient browser, String seller, String slug, int quantity) {
        HttpResponse<String> added = browser.post("/add", Map.of("seller", seller, "slug", slug,
                "quantity", String.valueOf(quantity)), "Origin", CartWorld.MARKET_ORIGIN);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
    }

    private static String checkOut(RoutedClient member) {
        HttpResponse<String> placed = member.submit("/", "/checkout", Map.of());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(303);
        Matcher id = ORDER.matcher(placed.headers().firstValue("Location").orElseThrow());
        assertThat(id.find()).as(placed.headers().firstValue("Location").orElseThrow()).isTrue();
        return id.group(1);
    }

    private static int left(MarketClient seller, String slug) {
        return seller.offers(List.of(slug)).getFirst().stock();
    }

    @Test
    void ticketsBoughtWithAProductAreHeldAtCheckoutAndIssuedAndMailedWhenTheOrderIsPaid() {
        RoutedClient member = world.member("ticket-buyer");
        int adultsBefore = left(tickets, "apple-day-adult");
        add(member, "market", "damson-jam", 1);
        add(member, "events", "apple-day-adult", 2);

        String cart = member.get("/", "Accept", "text/html").body();
        assertThat(cart).contains("Apple Day: Adult").contains("£6.00").contains("Damson jam")
                .contains("data-seller=\"events\" data-slug=\"apple-day-adult\"").contains("ticket-types/apple-day-adult/")
                .contains("action=\"/items/events/apple-day-adult\"");

        String order = checkOut(member);
        assertThat(left(tickets, "apple-day-adult")).as("held by events").isEqualTo(adultsBefore - 2);
        assertThat(world.count("SELECT count(*) FROM cart.order_lines WHERE order_id = ? AND seller = 'events'", order))
                .isEqualTo(1);

        String checkout = world.db.client().execute().get("SELECT checkout_id FROM cart.orders WHERE id = ?", order)
                .orElseThrow().column("checkout_id").getString();
        world.sumup.pay(checkout);
        await().atMost(Duration.ofSeconds(20)).until(() -> world.count(
                "SELECT count(*) FROM events.tickets WHERE order_id = ? AND member = 'ticket-buyer'", order) == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> Mails.to(world.smtp, "ticket-buyer@example.org").stream()
                .anyMatch(m -> Mails.subject(m).equals("Your tickets for Apple Day")));
        MimeMessage mail = Mails.to(world.smtp, "ticket-buyer@example.org").stream()
                .filter(m -> Mails.subject(m).equals("Your tickets for Apple Day")).findFirst().orElseThrow();
        assertThat(GreenMailUtil.getBody(mail)).contains("Thank you: order " + order + " is paid.").contains("/tickets/");
        assertThat(left(tickets, "apple-day-adult")).as("issued tickets stay taken").isEqualTo(adultsBefore - 2);
        assertThat(world.count("SELECT count(*) FROM cart.event_deliveries d JOIN cart.event_outbox o"
                + " ON o.position = d.event_position WHERE o.aggregate_id = ? AND d.subscriber = 'events'"
                + " AND d.delivered_at IS NOT NULL", order)).isEqualTo(1);
    }

    @Test
    void ticketsEventsCannotHoldGiveBackWhatTheMarketHeldAndSayWhy() {
        RoutedClient member = world.member("too-many");
        int jamBefore = left(market, "damson-jam");
        add(member, "market", "damson-jam", 1);
        add(member, "events", "apple-day-child", 41);

        HttpResponse<String> refused = member.submit("/", "/checkout", Map.of());

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Only 40 of Apple Day: Child left; 41 asked for.");
        assertThat(left(market, "damson-jam")).as("the market's hold given back").isEqualTo(jamBefore);
        assertThat(world.count("SELECT count(*) FROM cart.orders WHERE member = 'too-many'")).isZero();
    }

    @Test
    void anUnknownSellerIsRefusedWithTheReason() {
        HttpResponse<String> added = world.member("odd").post("/add", Map.of("seller", "bakery", "slug", "rye-loaf"),
                "Origin", CartWorld.MARKET_ORIGIN);

        assertThat(added.statusCode()).isEqualTo(400);
        assertThat(added.body()).contains("seller must be market or events");
    }

    @Test
    void aMemberWhoLeavesLosesTheirCartAndTheirOrdersNoLongerNameThem() throws Exception {
        RoutedClient member = world.member("leaver");
        add(member, "market", "damson-jam", 1);
        String order = checkOut(member);
        add(member, "market", "cider-vinegar", 1);
        DomainEvent deleted = DomainEvent.of("federation", EventType.MEMBER_DELETED.type(), "member", "leaver",
                EventJson.payload(new MemberDeleted("leaver", "leaver@example.org")));

        assertThat(postEvent(deleted).statusCode()).isEqualTo(200);
        assertThat(postEvent(deleted).body()).isEqualTo("{\"outcome\":\"already handled\"}");

        assertThat(world.count("SELECT count(*) FROM cart.carts WHERE member = 'leaver'")).isZero();
        assertThat(world.count("SELECT count(*) FROM cart.orders WHERE member = 'leaver' OR email = 'leaver@example.org'"))
                .isZero();
        assertThat(world.count("SELECT count(*) FROM cart.order_lines WHERE order_id = ?", order)).as("kept for the accounts")
                .isEqualTo(1);
    }

    private static HttpResponse<String> postEvent(DomainEvent event) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + world.cart.internalPort() + "/internal/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(EventJson.write(event)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
