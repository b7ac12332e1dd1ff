package com.roseash.events.bookings;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.roseash.events.testing.EventsWorld;
import com.roseash.platform.testing.Mails;
import com.roseash.platform.testing.RoutedClient;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Members booking an event's places through its page, on the embedded PostgreSQL, mailed through GreenMail. */
class BookingsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private EventsWorld world;

    @BeforeEach
    void events() {
        world = new EventsWorld();
        long calendar = world.calendar("community", "Europe/London");
        LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).plusDays(5);
        world.event(calendar, "bread-workshop", "Bread workshop", day + "T18:30", day + "T21:00", "Europe/London", null, 10);
    }

    @AfterEach
    void close() {
        world.close();
    }

    private static String token(RoutedClient member) {
        Matcher token = CSRF.matcher(member.get("/events/bread-workshop/", "Accept", "text/html").body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static HttpResponse<String> book(RoutedClient member, String token, int places) {
        return member.post("/events/bread-workshop/bookings", Map.of("_csrf", token, "places", String.valueOf(places)),
                "Accept", "text/html");
    }

    @Test
    void fiftyMembersBookingTenPlacesAtOnceGiveTenBookedAndFortyWaitingInTheOrderTheyCame() throws Exception {
        List<RoutedClient> members = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            RoutedClient member = world.member("m" + i);
            members.add(member);
            tokens.add(token(member));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return book(members.get(n), tokens.get(n), 1);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(303);
            }
        }

        assertThat(world.count("SELECT count(*) FROM events.bookings WHERE state = 'booked'")).isEqualTo(10);
        assertThat(world.count("SELECT count(*) FROM events.bookings WHERE state = 'waiting'")).isEqualTo(40);
        String full = world.visitor().get("/events/bread-workshop/", "Accept", "text/html").body();
        assertThat(full).contains("0 of 10 places left, 40 waiting.");
        await().atMost(Duration.ofSeconds(30)).until(() -> world.smtp.getReceivedMessages().length == 50);
        assertThat(subjects()).filteredOn(s -> s.equals("Booked: Bread workshop")).hasSize(10);
        assertThat(subjects()).filteredOn(s -> s.equals("On the waiting list: Bread workshop")).hasSize(40);
    }

    @Test
    void aCancellationGivesItsPlacesToWhoWaitsFirstAndTellsThem() {
        RoutedClient big = world.member("big");
        assertThat(book(big, token(big), 8).statusCode()).isEqualTo(303);
        RoutedClient two = world.member("two");
        book(two, token(two), 2);
        RoutedClient first = world.member("first");
        book(first, token(first), 3);
        RoutedClient second = world.member("second");
        book(second, token(second), 1);

        assertThat(first.get("/events/bread-workshop/", "Accept", "text/html").body())
                .contains("You are number 1 on the waiting list for 3 place(s).");
        assertThat(second.get("/events/bread-workshop/", "Accept", "text/html").body())
                .as("a smaller request waits behind, rather than jumping the queue")
                        .contains("You are number 2 on the waiting list");

        HttpResponse<String> cancelled = big.post("/events/bread-workshop/bookings/cancel", Map.of("_csrf", token(big)),
                "Accept", "text/html");

        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(first.get("/events/bread-workshop/", "Accept", "text/html").body()).contains("You have booked 3 place(s).");
        assertThat(second.get("/events/bread-workshop/", "Accept", "text/html").body()).contains("You have booked 1 place(s).");
        assertThat(big.get("/events/bread-workshop/", "Accept", "text/html").body()).contains(">Book</button>");
        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(world.smtp, "first@example.org").stream()
                .anyMatch(m -> GreenMailUtil.getBody(m).contains("You have 3 places at Bread workshop")));
        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(world.smtp, "big@example.org").stream()
                .anyMatch(m -> Mails.subject(m).equals("Cancelled: your booking of Bread workshop")));
    }

    @Test
    void bookingsTheRulesRefuseSayWhyAndVisitorsAreSentToSignIn() {
        RoutedClient member = world.member("twice");
        String token = token(member);
        book(member, token, 1);

        HttpResponse<String> again = book(member, token, 1);
        HttpResponse<String> tooMany = book(world.member("greedy"), token(world.member("greedy")), 11);
        HttpResponse<String> visitor = world.visitor().post("/events/bread-workshop/bookings", Map.of("places", "1"),
                "Accept", "text/html");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("You have booked this event already");
        assertThat(tooMany.statusCode()).isIn(403, 409);
        assertThat(world.visitor().get("/events/bread-workshop/", "Accept", "text/html").body())
                .contains(">Sign in to book</a>").contains("/auth/login?return&#61;%2Fevents%2Fbread-workshop%2F");
        world.sql("UPDATE events.events SET cancelled = true WHERE slug = 'bread-workshop'");
        RoutedClient late = world.member("late");
        assertThat(book(late, token(late), 1).body()).contains("This event is cancelled.");
        assertThat(visitor.statusCode()).isIn(303, 403);
        assertThat(world.count("SELECT count(*) FROM events.bookings")).isEqualTo(1);
    }

    private List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : world.smtp.getReceivedMessages()) {
            subjects.add(Mails.subject(message));
        }
        return subjects;
    }
}
