package com.roseash.account.newsletters;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.roseash.account.AccountService;
import com.roseash.account.testing.AccountDatabase;
import com.roseash.contract.ServiceName;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.events.DomainEvent;
import com.roseash.platform.events.EventJson;
import com.roseash.platform.events.EventType;
import com.roseash.platform.events.MemberDeleted;
import com.roseash.platform.testing.Mails;
import com.roseash.platform.testing.RoutedClient;
import com.roseash.platform.testing.RoutedService;
import com.roseash.platform.testing.TestRedis;
import com.roseash.platform.testing.TestServices;
import io.helidon.http.Method;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Newsletters through the account service's routing: subscribing with double opt-in from the mailed link, links
 * that were altered or have expired, one-click unsubscribing as a mail client does it (RFC 8058), admins writing
 * and sending an issue, and a member who leaves taking their subscriptions with them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewslettersTest {

    private static final String SECRET = "newsletter test secret";
    private static final Pattern LINK = Pattern.compile("http://account\\.rose-ash\\.test(/newsletters/confirm\\?token=\\S+)");
    private DatabaseSettings database;
    private GreenMail smtp;
    private RoutedService account;
    private RedisCache redis;

    @BeforeAll
    void start() {
        database = AccountDatabase.migrated();
        smtp = new GreenMail(new ServerSetup(TestRedis.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> overrides = new HashMap<>(TestServices.overrides(database, TestRedis.shared().url()));
        overrides.put(PlatformSettings.publicUrl(ServiceName.ACCOUNT).key(), "http://account.rose-ash.test/");
        overrides.put(PlatformSettings.SESSION_SECRET.key(), SECRET);
        overrides.put(PlatformSettings.MAIL_HOST.key(), "127.0.0.1");
        overrides.put(PlatformSettings.MAIL_PORT.key(), String.valueOf(smtp.getSmtp().getPort()));
        overrides.put(PlatformSettings.MAIL_SECURITY.key(), "none");
        overrides.put("rose-ash.account.newsletter.send-interval", "PT0.3S");
        account = new RoutedService(AccountService.parts(overrides));
        redis = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)));
        try (Database db = Database.connect(database)) {
            db.client().execute().dml("INSERT INTO account.newsletters (slug, name, description) VALUES"
                    + " ('growers-news', 'Growers news', 'From the plots'), ('market-news', 'Market news', '')");
        }
    }

    @AfterAll
    void stop() {
        account.close();
        redis.close();
        smtp.stop();
    }

    private RoutedClient signedIn(String subject, String roles) {
        return account.visitor().signedIn(redis, ServiceName.ACCOUNT, Map.of("sub", subject, "name", "M " + subject,
                "email", subject + "@example.org", "roles", roles));
    }

    private String confirmLink(String address) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !Mails.to(smtp, address).isEmpty());
        Matcher link = LINK.matcher(GreenMailUtil.getBody(Mails.to(smtp, address).getLast()));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    /** Presses the confirmation page's button, as the subscriber does after following the mail's link. */
    private static HttpResponse<String> confirm(RoutedClient browser, String link) {
        String token = URLDecoder.decode(link.substring(link.indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
        return browser.submit(link, "/newsletters/confirm", Map.of("token", token));
    }

    private long count(String sql, Object... parameters) {
        try (Database db = Database.connect(database)) {
            return db.client().execute().get(sql, parameters).orElseThrow().column(1).getLong();
        }
    }

    @Test
    void aVisitorSubscribesAndIsSubscribedOnlyOnceTheyFollowTheMailedLink() {
        RoutedClient visitor = account.visitor();
        HttpResponse<String> subscribed = visitor.submit("/newsletters/growers-news/", "/newsletters/growers-news/subscribe",
                Map.of("email", "olive@example.org"));

        assertThat(subscribed.body()).contains("we sent it a link");
        assertThat(count("SELECT count(*) FROM account.subscriptions WHERE email = 'olive@example.org' AND state = 'pending'"))
                .isEqualTo(1);
        String link = confirmLink("olive@example.org");
        assertThat(visitor.get(link, "Accept", "text/html").body()).as("a GET only asks (link checkers open links)")
                .contains("Yes, send me this newsletter");
        assertThat(count("SELECT count(*) FROM account.subscriptions WHERE email = 'olive@example.org' AND state = 'pending'"))
                .isEqualTo(1);
        assertThat(confirm(visitor, link).body()).contains("olive@example.org receives Growers news from now on.");
        assertThat(count("SELECT count(*) FROM account.subscriptions WHERE email = 'olive@example.org' AND state = 'confirmed'"))
                .isEqualTo(1);

        HttpResponse<String> again = visitor.submit("/newsletters/growers-news/", "/newsletters/growers-news/subscribe",
                Map.of("email", "OLIVE@example.org"));
        assertThat(again.body()).as("the same answer: nobody learns who is subscribed").contains("we sent it a link");
        assertThat(Mails.to(smtp, "olive@example.org")).as("no new link for a confirmed address").hasSize(1);
    }

    @Test
    void alteredAndExpiredLinksAreRefusedWithTheReason() {
        SignedLinks links = new SignedLinks(SECRET);
        String expired = links.confirm(1, Instant.now().minusSeconds(60));
        String forged = new SignedLinks("another secret").confirm(1, Instant.now().plusSeconds(600));

        HttpResponse<String> late = account.visitor().get("/newsletters/confirm?token=" + expired);
        HttpResponse<String> fake = account.visitor().submit("/newsletters/growers-news/", "/newsletters/confirm",
                Map.of("token", forged));
        HttpResponse<String> cut = account.visitor().get("/newsletters/unsubscribe?token=abc");

        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("This confirmation link has expired");
        assertThat(fake.statusCode()).isEqualTo(400);
        assertThat(fake.body()).contains("This link is not one of ours");
        assertThat(cut.statusCode()).isEqualTo(400);
        assertThat(account.visitor().submit("/newsletters/market-news/", "/newsletters/market-news/subscribe",
                Map.of("email", "not an address")).statusCode()).isEqualTo(400);
        assertThat(account.visitor().get("/newsletters/no-such-list/").statusCode()).isEqualTo(404);
    }

    @Test
    void anAdminSendsAnIssueWhoseOneClickUnsubscribeWorksFromAMailClientWithoutSigningIn() throws Exception {
        RoutedClient reader = account.visitor();
        reader.submit("/newsletters/market-news/", "/newsletters/market-news/subscribe", Map.of("email", "pat@example.org"));
        confirm(reader, confirmLink("pat@example.org"));
        RoutedClient admin = signedIn("admin-1", "member,admin");
        assertThat(signedIn("member-1", "member").get("/editor/newsletters/", "Accept", "text/html").statusCode())
                .isEqualTo(403);

        HttpResponse<String> drafted = admin.submit("/editor/newsletters/", "/editor/newsletters/issues", Map.of(
                "newsletter", "market-news", "subject", "Damsons are back", "markdown", "Jam on **Saturday**."));
        String issuePage = drafted.headers().firstValue("Location").orElseThrow();
        assertThat(admin.get(issuePage, "Accept", "text/html").body()).contains("<strong>Saturday</strong>").contains("draft");
        admin.submit(issuePage, issuePage + "send", Map.of());

        await().atMost(Duration.ofSeconds(20)).until(() -> Mails.to(smtp, "pat@example.org").stream()
                .anyMatch(m -> Mails.subject(m).equals("Damsons are back")));
        assertThat(admin.get(issuePage, "Accept", "text/html").body()).contains("1 of 1 sent");
        MimeMessage issue = Mails.to(smtp, "pat@example.org").stream().filter(m -> Mails.subject(m).equals("Damsons are back"))
                .findFirst().orElseThrow();
        String unsubscribe = issue.getHeader("List-Unsubscribe")[0];
        String path = unsubscribe.substring("<http://account.rose-ash.test".length(), unsubscribe.length() - 1);

        assertThat(account.visitor().get(path, "Accept", "text/html").body()).as("a GET only asks")
                .contains("Unsubscribe me");
        assertThat(count("SELECT count(*) FROM account.subscriptions WHERE email = 'pat@example.org' AND state = 'confirmed'"))
                .isEqualTo(1);
        // As a mail client sends it (RFC 8058): no cookie, no CSRF token, this body.
        HttpResponse<String> oneClick = account.visitor().send(Method.POST, path, "List-Unsubscribe=One-Click",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM account.subscriptions WHERE email = 'pat@example.org'"
                + " AND state = 'unsubscribed'")).isEqualTo(1);
    }

    @Test
    void aMemberWhoLeavesTakesTheirSubscriptionsWithThem() {
        RoutedClient member = signedIn("leaver-9", "member");
        member.submit("/newsletters/growers-news/", "/newsletters/growers-news/subscribe",
                Map.of("email", "leaver-9@example.org"));
        account.visitor().submit("/newsletters/market-news/", "/newsletters/market-news/subscribe",
                Map.of("email", "Leaver-9@example.org"));
        assertThat(count("SELECT count(*) FROM account.subscriptions WHERE lower(email) = 'leaver-9@example.org'"))
                .isEqualTo(2);
        DomainEvent deleted = DomainEvent.of("federation", EventType.MEMBER_DELETED.type(), "member", "leaver-9",
                EventJson.payload(new MemberDeleted("leaver-9", "leaver-9@example.org")));

        assertThat(account.internalClient().send(Method.POST, "/internal/events", EventJson.write(deleted),
                "Content-Type", "application/json").statusCode()).isEqualTo(200);
        assertThat(account.internalClient().send(Method.POST, "/internal/events", EventJson.write(deleted),
                "Content-Type", "application/json").body()).isEqualTo("{\"outcome\":\"already handled\"}");
        assertThat(count("SELECT count(*) FROM account.subscriptions WHERE lower(email) = 'leaver-9@example.org'"))
                .isZero();
    }
}
