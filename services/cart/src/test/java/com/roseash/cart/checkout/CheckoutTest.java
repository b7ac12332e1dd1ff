package com.roseash.cart.checkout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.roseash.cart.carts.Seller;
import com.roseash.cart.carts.Sellers;
import com.roseash.cart.orders.Order;
import com.roseash.cart.orders.OrderChange;
import com.roseash.cart.orders.OrderRepository;
import com.roseash.cart.orders.OrderState;
import com.roseash.cart.sumup.Checkout;
import com.roseash.cart.sumup.CheckoutRequest;
import com.roseash.cart.sumup.SumUpClient;
import com.roseash.cart.testing.CartWorld;
import com.roseash.platform.events.EventTables;
import com.roseash.platform.events.Outbox;
import com.roseash.platform.events.Subscriptions;
import com.roseash.platform.mail.Mailer;
import com.roseash.platform.market.MarketClient;
import com.roseash.platform.market.Offer;
import com.roseash.platform.money.Money;
import com.roseash.platform.testing.RoutedClient;
import com.roseash.platform.testing.TestRedis;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checkout end to end on real parts: the market holds and prices the stock, SumUp's stand-in takes the payment and
 * notifies the cart on its socket, GreenMail receives the confirmation. The production code is under test
 * throughout; only the payer's clicks on SumUp's page are the stand-in's hooks.
 */
class CheckoutTest {

    private static final Pattern ORDER = Pattern.compile("/orders/(ord_[A-Za-z0-9_-]+)/");

    private static CartWorld world;
    private static OrderRepository orders;
    private static MarketClient market;

    @BeforeAll
    static void start() {
        world = new CartWorld();
        // Publishes into the real outbox; only the cart's own processor delivers (to the real events service).
        orders = new OrderRepository(world.db.client(), new Outbox(new EventTables("cart"), new Subscriptions()));
        market = new MarketClient("http://127.0.0.1:" + world.market.internalPort(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void checkingOutHoldsTheStockAndPayingMarksTheOrderPaidAndMailsTheMember() throws Exception {
        int before = stock("bramley-apple-chutney");
        RoutedClient member = world.member("m-pay");
        add(member, "bramley-apple-chutney", 2);
        add(member, "cider-vinegar", 1);

        Order order = checkOut(member);
        assertThat(order.state()).isEqualTo(OrderState.PENDING_PAYMENT);
        assertThat(order.total()).isEqualTo(Money.parse("14.00", "GBP"));
        assertThat(order.lines()).extracting(line -> line.slug() + "×" + line.quantity())
                .containsExactly("bramley-apple-chutney×2", "cider-vinegar×1");
        assertThat(stock("bramley-apple-chutney")).as("held by the market").isEqualTo(before - 2);
        assertThat(member.get("/", "Accept", "text/html").body()).as("the cart is emptied").contains("Your cart is empty");

        String page = member.get("/orders/" + order.id() + "/", "Accept", "text/html").body();
        assertThat(page).contains("pending payment").contains("Pay £14.00 with SumUp")
                .contains("href=\"" + world.sumup.baseUrl() + "/pay/" + order.checkoutId().orElseThrow());

        world.sumup.pay(order.checkoutId().orElseThrow());
        await().atMost(Duration.ofSeconds(10)).until(() -> state(order.id()) == OrderState.PAID);

        assertThat(orders.history(order.id())).extracting(OrderChange::to).containsExactly("pending_payment", "paid");
        await().atMost(Duration.ofSeconds(10)).until(() -> confirmationsOf(order).size() == 1);
        List<MimeMessage> confirmations = confirmationsOf(order);
        assertThat(confirmations.getFirst().getAllRecipients()[0].toString()).isEqualTo("m-pay@example.org");
        String mail = confirmations.getFirst().getContent().toString();
        assertThat(mail).contains("2 × Bramley apple chutney").contains("Total  £14.00").contains(world.cartUrl + "orders/");
        assertThat(member.get("/orders/" + order.id() + "/", "Accept", "text/html").body()).contains(">paid<")
                .doesNotContain("Pay £14.00");
        assertThat(world.fragment("member-orders?member=m-pay")).contains(order.id()).contains("paid");
    }

    @Test
    void notificationsAndThePayersReturnsArrivingAllAtOnceMarkTheOrderPaidExactlyOnce() throws Exception {
        // Paid while no notification got through, so the first of the twenty below is the one that finds out.
        RoutedClient member = world.unnotifiedMember("m-race");
        add(member, "cider-vinegar", 3);
        Order order = checkOut(member);
        world.sumup.pay(order.checkoutId().orElseThrow());
        assertThat(state(order.id())).isEqualTo(OrderState.PENDING_PAYMENT);

        URI notifications = URI.create(world.cartUrl + "sumup/notifications");
        List<Callable<Object>> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(() -> {
                world.sumup.sendNotification(notifications, order.checkoutId().orElseThrow());
                return null;
            });
            all.add(() -> world.unnotifiedMember("m-race").get("/orders/" + order.id() + "/", "Accept", "text/html")
                    .statusCode());
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(20)) {
            for (Future<Object> done : threads.invokeAll(all)) {
                done.get();
            }
        }

        assertThat(state(order.id())).isEqualTo(OrderState.PAID);
        assertThat(orders.history(order.id())).extracting(OrderChange::to).containsExactly("pending_payment", "paid");
        assertThat(world.count("SELECT count(*) FROM cart.event_outbox WHERE type = 'order.paid' AND aggregate_id = ?",
                order.id())).as("one order.paid event, with the change").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> confirmationsOf(order).size() == 1);
        Thread.sleep(500);
        assertThat(confirmationsOf(order)).as("one confirmation").hasSize(1);
    }

    @Test
    void twentyMembersCheckingOutTheLastFiveAtOnceBuyExactlyFive() throws Exception {
        world.db.client().execute().dml("UPDATE market.products SET stock = 5 WHERE slug = 'willow-plant-supports'");
        List<RoutedClient> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RoutedClient member = world.member("m-last-five-" + i);
            add(member, "willow-plant-supports", 1);
            members.add(member);
        }
        List<Callable<Integer>> checkouts = members.stream()
                .<Callable<Integer>>map(member -> () -> member.submit("/", "/checkout", Map.of()).statusCode()).toList();
        List<Integer> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(20)) {
            for (Future<Integer> answer : threads.invokeAll(checkouts)) {
                answers.add(answer.get());
            }
        }

        assertThat(answers).filteredOn(status -> status == 303).as("orders placed").hasSize(5);
        assertThat(answers).filteredOn(status -> status == 409).as("refused: not enough left").hasSize(15);
        assertThat(stock("willow-plant-supports")).isZero();
        assertThat(world.db.client().execute().get("SELECT count(*) AS n FROM cart.order_lines WHERE product_slug = ?",
                "willow-plant-supports").orElseThrow().column("n").getLong()).isEqualTo(5);
    }

    @Test
    void aDeclinedCardLeavesTheOrderPayableAndASecondTrySucceeds() {
        RoutedClient member = world.member("m-decline");
        add(member, "cider-vinegar", 1);
        Order order = checkOut(member);

        world.sumup.decline(order.checkoutId().orElseThrow());
        String afterDecline = member.get("/orders/" + order.id() + "/", "Accept", "text/html").body();
        assertThat(state(order.id())).isEqualTo(OrderState.PENDING_PAYMENT);
        assertThat(afterDecline).contains("Pay £5.00 with SumUp");

        world.sumup.pay(order.checkoutId().orElseThrow());
        await().atMost(Duration.ofSeconds(10)).until(() -> state(order.id()) == OrderState.PAID);
    }

    @Test
    void aNotificationWhoseCheckoutIsNotTheOrdersChangesNothing() {
        RoutedClient member = world.member("m-forged");
        add(member, "cider-vinegar", 2);
        Order order = checkOut(member);

        // Someone pays a checkout of their own for a penny, naming our order, and notifies us about it.
        SumUpClient attacker = new SumUpClient(world.sumup.baseUrl(), world.sumup.apiKey(), world.sumup.merchantCode(),
                Duration.ofSeconds(5));
        Checkout penny = attacker.create(new CheckoutRequest(order.id() + "-x", Money.parse("0.01", "GBP"), null, null, null));
        world.sumup.pay(penny.id());
        world.sumup.sendNotification(URI.create(world.cartUrl + "sumup/notifications"), penny.id());
        world.sumup.sendNotification(URI.create(world.cartUrl + "sumup/notifications"), "no-such-checkout");

        assertThat(state(order.id())).isEqualTo(OrderState.PENDING_PAYMENT);
        assertThat(orders.history(order.id())).hasSize(1);
    }

    @Test
    void anUnpaidOrderExpiresAfterThePaymentWindowAndItsStockGoesBack() {
        int before = stock("damson-jam");
        RoutedClient member = world.member("m-expire");
        add(member, "damson-jam", 1);
        Order order = checkOut(member);
        assertThat(stock("damson-jam")).isEqualTo(before - 1);

        PaymentSettler settler = settler(Clock.fixed(Instant.now().plus(Duration.ofMinutes(40)), ZoneOffset.UTC));
        settler.runOnce();

        assertThat(state(order.id())).isEqualTo(OrderState.EXPIRED);
        assertThat(stock("damson-jam")).isEqualTo(before);
        assertThat(member.get("/orders/" + order.id() + "/", "Accept", "text/html").body()).contains("expired")
                .doesNotContain("Pay £");
    }

    @Test
    void withoutItsNotificationAPaymentIsFoundByThePayersReturnOrByTheSettler() throws Exception {
        RoutedClient member = world.unnotifiedMember("m-missed");
        add(member, "cider-vinegar", 1);
        Order returned = checkOut(member);
        // The stand-in sends its notification (here to a dead port) before pay() returns: none is on its way.
        world.sumup.pay(returned.checkoutId().orElseThrow());
        assertThat(state(returned.id())).as("no notification arrived").isEqualTo(OrderState.PENDING_PAYMENT);
        assertThat(member.get("/orders/" + returned.id() + "/", "Accept", "text/html").body()).as("the payer's return")
                .contains(">paid<");
        assertThat(state(returned.id())).isEqualTo(OrderState.PAID);

        add(member, "cider-vinegar", 1);
        Order unseen = checkOut(member);
        world.sumup.pay(unseen.checkoutId().orElseThrow());
        settler(Clock.fixed(Instant.now().plus(Duration.ofMinutes(2)), ZoneOffset.UTC)).runOnce();
        assertThat(state(unseen.id())).isEqualTo(OrderState.PAID);
    }

    @Test
    void editorsFulfilOrRefundPaidOrdersAndIllegalChangesAreRefused() {
        RoutedClient member = world.member("m-editor");
        add(member, "cider-vinegar", 1);
        Order first = paidOrder(member);
        add(member, "cider-vinegar", 1);
        Order second = paidOrder(member);
        RoutedClient editor = world.member("editor-1", "member", "editor");

        assertThat(editor.get("/editor/orders/", "Accept", "text/html").body()).contains(first.id()).contains(second.id());
        assertThat(editor.submit("/editor/orders/", "/editor/orders/" + first.id() + "/fulfil", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(state(first.id())).isEqualTo(OrderState.FULFILLED);

        assertThat(editor.submit("/editor/orders/", "/editor/orders/" + second.id() + "/refund", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(state(second.id())).isEqualTo(OrderState.REFUNDED);
        assertThat(world.sumup.requests()).anySatisfy(request ->
                assertThat(request.method() + " " + request.path()).startsWith("POST /v0.1/me/refund/"));

        HttpResponse<String> refundFulfilled = editor.submit("/editor/orders/", "/editor/orders/" + first.id() + "/refund",
                Map.of());
        assertThat(refundFulfilled.statusCode()).isEqualTo(409);
        assertThat(refundFulfilled.body()).contains("An order that is fulfilled cannot become refunded");
        HttpResponse<String> fulfilRefunded = editor.submit("/editor/orders/", "/editor/orders/" + second.id() + "/fulfil",
                Map.of());
        assertThat(fulfilRefunded.statusCode()).isEqualTo(409);
        assertThat(fulfilRefunded.body()).contains("An order that is refunded cannot become fulfilled");

        assertThat(member.get("/editor/orders/", "Accept", "text/html").statusCode()).as("members are not editors")
                .isEqualTo(403);
        assertThat(world.member("someone-else").get("/orders/" + first.id() + "/", "Accept", "text/html").statusCode())
                .as("another member's order").isEqualTo(404);
    }

    @Test
    void theNotificationEndpointRefusesWhatIsNotANotificationAndAcknowledgesOtherEvents() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI endpoint = URI.create(world.cartUrl + "sumup/notifications");
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String body : List.of("", "not json", "{\"event_type\": \"CHECKOUT_STATUS_CHANGED\"}",
                "{\"event_type\": \"PAYOUT_COMPLETED\", \"id\": \"p-1\"}",
                "{\"event_type\": \"CHECKOUT_STATUS_CHANGED\", \"id\": \"unknown-checkout\"}")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            answers.put(body, answer.statusCode());
        }
        assertThat(answers.values()).containsExactly(400, 400, 400, 204, 204);
    }

    @Test
    void aConfirmationTheMailServerDidNotTakeIsSentLaterAndOnlyOnce() {
        RoutedClient member = world.member("m-mail");
        add(member, "cider-vinegar", 1);
        Order order = paidOrder(member);
        await().atMost(Duration.ofSeconds(10)).until(() -> confirmationsOf(order).size() == 1);

        // The same order as if its mail had failed: nobody listens where this mailer sends.
        world.db.client().execute().dml("UPDATE cart.orders SET confirmed_at = NULL WHERE id = ?", order.id());
        OrderConfirmations down = new OrderConfirmations(orders, new Mailer("127.0.0.1", TestRedis.freePort(),
                "Rose Ash <no-reply@rose-ash.localhost>", "", "", Mailer.Security.NONE, Duration.ofSeconds(2)), world.cartUrl);
        assertThat(down.confirm(order.id())).isFalse();
        assertThat(orders.unconfirmed(100)).as("a minute's grace: the first mail may still be on its way")
                .extracting(Order::id).doesNotContain(order.id());

        world.db.client().execute().dml("UPDATE cart.orders SET paid_at = now() - interval '2 minutes' WHERE id = ?",
                order.id());
        OrderConfirmations up = new OrderConfirmations(orders, new Mailer("127.0.0.1", world.smtp.getSmtp().getPort(),
                "Rose Ash <no-reply@rose-ash.localhost>", "", "", Mailer.Security.NONE, Duration.ofSeconds(5)), world.cartUrl);
        assertThat(up.retryPending()).isGreaterThanOrEqualTo(1);
        assertThat(confirmationsOf(order)).as("sent again, once").hasSize(2);
        assertThat(up.retryPending()).as("nothing left to send").isZero();
        assertThat(confirmationsOf(order)).hasSize(2);
    }

    @Test
    void checkoutNeedsASignedInMember() {
        RoutedClient visitor = world.visitor();
        add(visitor, "cider-vinegar", 1);
        assertThat(visitor.get("/", "Accept", "text/html").body()).contains("Sign in to check out");
        HttpResponse<String> attempt = visitor.submit("/", "/checkout", Map.of());
        assertThat(attempt.statusCode()).isEqualTo(303);
        assertThat(attempt.headers().firstValue("Location").orElseThrow()).startsWith("/auth/login");
    }

    private static Order paidOrder(RoutedClient member) {
        Order order = checkOut(member);
        world.sumup.pay(order.checkoutId().orElseThrow());
        await().atMost(Duration.ofSeconds(10)).until(() -> state(order.id()) == OrderState.PAID);
        return orders.byId(order.id()).orElseThrow();
    }

    private PaymentSettler settler(Clock clock) {
        SumUpClient client = new SumUpClient(world.sumup.baseUrl(), world.sumup.apiKey(), world.sumup.merchantCode(),
                Duration.ofSeconds(5));
        StockReleases stock = new StockReleases(new Sellers(Map.of(Seller.MARKET, market)), orders);
        OrderConfirmations confirmations = new OrderConfirmations(orders, new Mailer("", 25, "a@example.org", "", "",
                Mailer.Security.NONE, Duration.ofSeconds(1)), world.cartUrl);
        return new PaymentSettler(orders, new PaymentSettlement(orders, client, stock, confirmations), stock, confirmations,
                Duration.ofMinutes(35), clock);
    }

    private static void add(RoutedClient browser, String slug, int quantity) {
        HttpResponse<String> added = browser.post("/add", Map.of("slug", slug, "quantity", String.valueOf(quantity)),
                "Origin", CartWorld.MARKET_ORIGIN);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
    }

    private static Order checkOut(RoutedClient member) {
        HttpResponse<String> placed = member.submit("/", "/checkout", Map.of());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(303);
        Matcher id = ORDER.matcher(placed.headers().firstValue("Location").orElseThrow());
        assertThat(id.find()).isTrue();
        return orders.byId(id.group(1)).orElseThrow();
    }

    private static OrderState state(String orderId) {
        return orders.byId(orderId).orElseThrow().state();
    }

    private static int stock(String slug) {
        Offer offer = market.offers(List.of(slug)).getFirst();
        return offer.stock();
    }

    private static List<MimeMessage> confirmationsOf(Order order) {
        return List.of(world.smtp.getReceivedMessages()).stream()
                .filter(received -> subject(received).contains(order.id())).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
