package com.roseash.events.tickets;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.roseash.events.testing.EventsWorld;
import com.roseash.platform.events.DomainEvent;
import com.roseash.platform.events.EventJson;
import com.roseash.platform.events.EventType;
import com.roseash.platform.events.MemberDeleted;
import com.roseash.platform.events.OrderPaid;
import com.roseash.platform.market.MarketJson;
import com.roseash.platform.market.Reservation;
import com.roseash.platform.market.ReservationRequest;
import com.roseash.platform.testing.RoutedClient;
import io.helidon.http.Method;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tickets from sale to the door, on the embedded PostgreSQL: the seller contract cart calls (offers, all-or-nothing
 * holds, release), the {@code order.paid} event issuing them once however often it comes, the buyer's mail, the
 * ticket's page with its QR code, checking in once, and a refund voiding them.
 */
class TicketsTest {

    private static final Pattern CODE = Pattern.compile("Code ([0-9A-Z]{4}(-[0-9A-Z]{4}){4})");
    private EventsWorld world;
    private long fair;

    @BeforeEach
    void events() {
        world = new EventsWorld();
        long calendar = world.calendar("community", "Europe/London");
        LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).plusDays(9);
        fair = world.event(calendar, "apple-day", "Apple Day", day + "T11:00", day + "T16:00", "Europe/London", null, null);
        world.sql("INSERT INTO events.ticket_types (event_id, slug, name, price_minor, currency, capacity) VALUES"
                + " (?, 'apple-day-adult', 'Adult', 600, 'GBP', 3), (?, 'apple-day-child', 'Child', 200, 'GBP', 10)", fair, fair);
        world.sql("INSERT INTO events.ticket_types (event_id, slug, name, price_minor, currency, capacity, sale_starts)"
                + " VALUES (?, 'apple-day-late', 'Late', 900, 'GBP', 5, ?)", fair, Timestamp.from(
                Instant.now().plus(Duration.ofDays(3))));
    }

    @AfterEach
    void close() {
        world.close();
    }

    private HttpResponse<String> internal(Method method, String path, String body) {
        return world.internal().send(method, path, body, "Content-Type", "application/json");
    }

    private Reservation reserve(String order, String lines) {
        HttpResponse<String> answer = internal(Method.POST, "/internal/tickets/reservations",
                "{\"orderId\":\"" + order + "\",\"lines\":[" + lines + "]}");
        return MarketJson.readReservation(answer.body());
    }

    private HttpResponse<String> paid(String order, String member, int adults) {
        OrderPaid payload = new OrderPaid(order, member, member + "@example.org", Instant.now().toString(), List.of(
                new OrderPaid.Line("events", "apple-day-adult", "Apple Day: Adult", adults, 600, "GBP"),
                new OrderPaid.Line("market", "damson-jam", "Damson jam", 1, 395, "GBP")));
        DomainEvent event = DomainEvent.of("cart", EventType.ORDER_PAID.type(), "order", order, EventJson.payload(payload));
        return post(event);
    }

    private HttpResponse<String> post(DomainEvent event) {
        return internal(Method.POST, "/internal/events", EventJson.write(event));
    }

    @Test
    void cartSeesTicketTypesOnSaleAsOffersAndHoldsAnOrdersTicketsAllOrNothing() {
        String offers = world.internal().get("/internal/tickets/offers?slug=apple-day-adult&slug=apple-day-late&slug=nope")
                .body();
        assertThat(MarketJson.readOffers(offers)).singleElement().satisfies(offer -> {
            assertThat(offer.title()).isEqualTo("Apple Day: Adult");
            assertThat(offer.price().display()).isEqualTo("£6.00");
            assertThat(offer.stock()).isEqualTo(3);
        });

        Reservation held = reserve("order-1", "{\"slug\":\"apple-day-adult\",\"quantity\":2}");
        Reservation refused = reserve("order-2", "{\"slug\":\"apple-day-child\",\"quantity\":1},"
                + "{\"slug\":\"apple-day-adult\",\"quantity\":2}");

        assertThat(held).isInstanceOf(Reservation.Held.class);
        assertThat(reserve("order-1", "{\"slug\":\"apple-day-adult\",\"quantity\":2}")).as("asked again: the same")
                .isEqualTo(held);
        assertThat(refused).isEqualTo(new Reservation.Refused("apple-day-adult",
                "Only 1 of Apple Day: Adult left; 2 asked for."));
        assertThat(world.count("SELECT count(*) FROM events.ticket_holds WHERE order_id = 'order-2'")).as("all or nothing")
                .isZero();
        assertThat(reserve("order-3", "{\"slug\":\"apple-day-late\",\"quantity\":1}")).isEqualTo(
                new Reservation.Refused("apple-day-late", "These tickets are not on sale."));

        assertThat(internal(Method.POST, "/internal/tickets/reservations/order-1/release", "").body())
                .isEqualTo("{\"released\":true}");
        assertThat(reserve("order-4", "{\"slug\":\"apple-day-adult\",\"quantity\":3}")).isInstanceOf(Reservation.Held.class);
        assertThat(internal(Method.POST, "/internal/tickets/reservations", "{\"orderId\": 3}").statusCode()).isEqualTo(400);
        assertThat(ReservationRequest.isOrderId("order-4")).isTrue();
    }

    @Test
    void aPaidOrderIssuesItsTicketsOnceMailsThemAndEachAdmitsOnePersonOnce() {
        reserve("order-9", "{\"slug\":\"apple-day-adult\",\"quantity\":2}");

        HttpResponse<String> first = paid("order-9", "buyer", 2);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(world.count("SELECT count(*) FROM events.tickets WHERE order_id = 'order-9'")).isEqualTo(2);
        assertThat(paid("order-9", "buyer", 2).statusCode()).as("the same order paid again (another event id)").isEqualTo(200);
        assertThat(world.count("SELECT count(*) FROM events.tickets")).as("no ticket twice, none for the jam").isEqualTo(2);

        await().atMost(Duration.ofSeconds(30)).until(() -> world.smtp.getReceivedMessages().length == 1);
        String mail = GreenMailUtil.getBody(world.smtp.getReceivedMessages()[0]);
        Set<String> codes = CODE.matcher(mail).results().map(m -> m.group(1)).collect(Collectors.toSet());
        assertThat(codes).hasSize(2);
        String code = codes.iterator().next();
        assertThat(mail).contains(EventsWorld.EVENTS_URL + "tickets/" + code + "/");

        String ticket = world.visitor().get("/tickets/" + code + "/", "Accept", "text/html").body();
        assertThat(ticket).contains("<svg class=\"qr\"").contains("Valid for one person, once.");
        assertThat(world.visitor().get("/tickets/AAAA-BBBB-CCCC-DDDD-EEEE/").statusCode()).isEqualTo(404);

        RoutedClient door = world.member("organiser", "member", "editor");
        HttpResponse<String> admitted = door.submit("/editor/check-in", "/editor/check-in", Map.of("code", code.toLowerCase()));
        HttpResponse<String> again = door.submit("/editor/check-in", "/editor/check-in", Map.of("code", code));
        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(admitted.body()).contains("<strong>Admitted:</strong> Apple Day, Adult");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("<strong>Already used:</strong> " + code + " was checked in at");
        assertThat(door.submit("/editor/check-in", "/editor/check-in", Map.of("code", "nothing")).statusCode()).isEqualTo(404);
        assertThat(world.member("someone").get("/editor/check-in", "Accept", "text/html").statusCode()).isEqualTo(403);

        assertThat(world.fragment("member-tickets?member=buyer")).contains(code).contains("<svg class=\"qr\"").contains("Used");
        internal(Method.POST, "/internal/tickets/reservations/order-9/release", "");
        String other = codes.stream().filter(c -> !c.equals(code)).findFirst().orElseThrow();
        HttpResponse<String> voided = door.submit("/editor/check-in", "/editor/check-in", Map.of("code", other));
        assertThat(voided.body()).as("a refunded order's tickets admit nobody").contains("<strong>Void:</strong>");
    }

    @Test
    void theSameEventDeliveredTwiceIssuesOnceAndAMemberWhoLeavesIsForgotten() {
        OrderPaid payload = new OrderPaid("order-5", "leaver", "leaver@example.org", Instant.now().toString(),
                List.of(new OrderPaid.Line("events", "apple-day-child", "Apple Day: Child", 3, 200, "GBP")));
        DomainEvent event = DomainEvent.of("cart", EventType.ORDER_PAID.type(), "order", "order-5", EventJson.payload(payload));

        assertThat(post(event).body()).isEqualTo("{\"outcome\":\"handled\"}");
        assertThat(post(event).body()).isEqualTo("{\"outcome\":\"already handled\"}");
        assertThat(world.count("SELECT count(*) FROM events.tickets WHERE member = 'leaver'")).isEqualTo(3);

        DomainEvent deleted = DomainEvent.of("federation", EventType.MEMBER_DELETED.type(), "member", "leaver",
                EventJson.payload(new MemberDeleted("leaver", "leaver@example.org")));
        assertThat(post(deleted).statusCode()).isEqualTo(200);
        assertThat(world.count("SELECT count(*) FROM events.tickets WHERE member = 'leaver' OR email = 'leaver@example.org'"))
                .isZero();
        assertThat(world.count("SELECT count(*) FROM events.tickets WHERE order_id = 'order-5'")).as("still admit").isEqualTo(3);
        assertThat(internal(Method.POST, "/internal/events", "{\"type\": \"order.paid\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void theEventPageOffersTicketsToAddToTheCart() {
        String page = world.visitor().get("/events/apple-day/", "Accept", "text/html").body();

        assertThat(page).contains("action=\"" + EventsWorld.CART_URL + "add\"").contains("name=\"seller\" value=\"events\"")
                .contains("value=\"apple-day-adult\"").contains("£6.00").contains("Not on sale");
        Matcher late = Pattern.compile("Late</span> <span class=\"price\">£9.00</span>\\s*<span class=\"not-on-sale\">")
                .matcher(page);
        assertThat(late.find()).isTrue();
    }
}
