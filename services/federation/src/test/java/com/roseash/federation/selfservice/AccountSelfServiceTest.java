package com.roseash.federation.selfservice;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.roseash.federation.FederationSettings;
import com.roseash.federation.testing.RoutedFederation;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.db.Database;
import com.roseash.platform.testing.Mails;
import com.roseash.platform.testing.RoutedClient;
import com.roseash.platform.testing.TestRedis;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What members expect of an account, with mail through GreenMail and links followed from the mails: confirming
 * the address before signing in, resetting a forgotten password without telling who has an account, changing the
 * address and the password, deleting the account with its domain event.
 */
class AccountSelfServiceTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern LINK = Pattern.compile("http://federation\\.test\\.example(/[^\\s]+)");
    private static GreenMail smtp;
    private static RoutedFederation federation;
    private static int counter;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(TestRedis.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        federation = new RoutedFederation(Map.of(FederationSettings.FAILURES_PER_ADDRESS.key(), "1000",
                PlatformSettings.MAIL_HOST.key(), "127.0.0.1",
                PlatformSettings.MAIL_PORT.key(), String.valueOf(smtp.getSmtp().getPort()),
                PlatformSettings.MAIL_SECURITY.key(), "none"));
    }

    @AfterAll
    static void stop() {
        federation.close();
        smtp.stop();
    }

    private static synchronized String unique(String name) {
        return name + "-" + (++counter) + "-" + System.nanoTime() + "@example.org";
    }

    /** The path of the one link in the last mail to {@code address} whose subject contains {@code subject}. */
    private static String link(String address, String subject) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Mails.to(smtp, address).stream().anyMatch(m -> Mails.subject(m).contains(subject)));
        MimeMessage mail = Mails.to(smtp, address).stream().filter(m -> Mails.subject(m).contains(subject))
                .reduce((a, b) -> b).orElseThrow();
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).as(GreenMailUtil.getBody(mail)).isTrue();
        return link.group(1);
    }

    /** The page's content, without what differs per browser anyway (its CSRF token). */
    private static String content(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>")).replaceAll("value=\"[^\"]*\"", "");
    }

    private static HttpResponse<String> signIn(RoutedClient browser, String email, String password) {
        return browser.submit("/login", "/login", Map.of("email", email, "password", password, "return", "/"));
    }

    /** A registered member who confirmed their address and is signed in on {@code browser}. */
    private static String confirmedMember(RoutedClient browser, String name) {
        String email = unique(name);
        browser.submit("/register", "/register", Map.of("email", email, "name", name, "password", PASSWORD));
        browser.get(link(email, "Confirm your address"));
        assertThat(signIn(browser, email, PASSWORD).statusCode()).isEqualTo(303);
        return email;
    }

    @Test
    void aNewAccountSignsInOnlyOnceItsAddressIsConfirmedFromTheMail() {
        RoutedClient browser = federation.browser();
        String email = unique("carol");

        HttpResponse<String> registered = browser.submit("/register", "/register",
                Map.of("email", email, "name", "Carol", "password", PASSWORD));
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).contains("We sent a link to <strong>" + email + "</strong>");
        HttpResponse<String> early = signIn(browser, email, PASSWORD);
        assertThat(early.statusCode()).isEqualTo(403);
        assertThat(early.body()).contains("Confirm your address first");

        String confirm = link(email, "Confirm your address");
        assertThat(browser.get(confirm).body()).contains("Your address is confirmed.");
        assertThat(browser.get(confirm).statusCode()).as("once").isEqualTo(400);
        assertThat(signIn(browser, email, PASSWORD).statusCode()).isEqualTo(303);
        assertThat(browser.get("/").body()).contains("Signed in as Carol");
    }

    @Test
    void aResetLinkGoesOnlyToAnAccountsAddressTheAnswerIsTheSameAndItWorksOnceAndSignsOutEverywhere() {
        RoutedClient first = federation.browser();
        String email = confirmedMember(first, "dave");
        String nobody = unique("nobody");

        HttpResponse<String> known = federation.browser().submit("/password/forgot", "/password/forgot", Map.of("email", email));
        HttpResponse<String> unknown = federation.browser().submit("/password/forgot", "/password/forgot",
                Map.of("email", nobody));
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        assertThat(content(known.body()).replace(email, "X")).as("the same page either way")
                .isEqualTo(content(unknown.body()).replace(nobody, "X")).contains("If an account uses <strong>X</strong>");

        String reset = link(email, "Reset your Rose Ash password");
        RoutedClient resetter = federation.browser();
        assertThat(resetter.get(reset).body()).contains("Choose a new password");
        String token = URI.create("http://x" + reset).getQuery().substring("token=".length());
        HttpResponse<String> changed = resetter.submit(reset, "/password/reset", Map.of("token", token,
                "password", "a brand new passphrase"));
        assertThat(changed.body()).contains("every session was signed out");
        assertThat(first.get("/").body()).as("the other browser is signed out").doesNotContain("Signed in as");
        HttpResponse<String> again = resetter.submit("/password/forgot", "/password/reset", Map.of("token", token,
                "password", "yet another passphrase"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("This link does not work");
        assertThat(signIn(federation.browser(), email, PASSWORD).statusCode()).isEqualTo(401);
        assertThat(signIn(federation.browser(), email, "a brand new passphrase").statusCode()).isEqualTo(303);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> Mails.to(smtp, nobody).isEmpty());
    }

    @Test
    void anExpiredResetLinkDoesNotWork() {
        String email = confirmedMember(federation.browser(), "erin");
        federation.browser().submit("/password/forgot", "/password/forgot", Map.of("email", email));
        String reset = link(email, "Reset your Rose Ash password");
        try (Database db = Database.connect(federation.database)) {
            db.client().execute().dml("UPDATE federation.account_links SET expires_at = now() - interval '1 minute'");
        }

        assertThat(federation.browser().get(reset).statusCode()).isEqualTo(400);
    }

    @Test
    void changingThePasswordSignsOutOtherSessionsButNotThisOne() {
        RoutedClient here = federation.browser();
        String email = confirmedMember(here, "frank");
        RoutedClient elsewhere = federation.browser();
        signIn(elsewhere, email, PASSWORD);
        assertThat(elsewhere.get("/").body()).contains("Signed in as frank");

        HttpResponse<String> wrong = here.submit("/account/password", "/account/password",
                Map.of("currentPassword", "not it", "password", "a brand new passphrase"));
        HttpResponse<String> changed = here.submit("/account/password", "/account/password",
                Map.of("currentPassword", PASSWORD, "password", "a brand new passphrase"));

        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(changed.body()).contains("Every other session was signed out.");
        assertThat(here.get("/").body()).contains("Signed in as frank");
        assertThat(elsewhere.get("/").body()).doesNotContain("Signed in as");
    }

    @Test
    void aNewAddressCountsOnlyOnceConfirmedThereAndTheOldOneIsTold() {
        RoutedClient browser = federation.browser();
        String email = confirmedMember(browser, "grace");
        String taken = confirmedMember(federation.browser(), "heidi");
        String next = unique("grace-new");

        HttpResponse<String> clash = browser.submit("/account/email", "/account/email",
                Map.of("email", taken.toUpperCase(), "currentPassword", PASSWORD));
        assertThat(clash.statusCode()).isEqualTo(400);
        assertThat(clash.body()).contains("Another account uses that address.");

        browser.submit("/account/email", "/account/email", Map.of("email", next, "currentPassword", PASSWORD));
        assertThat(signIn(federation.browser(), next, PASSWORD).statusCode()).as("not yet").isEqualTo(401);
        link(email, "Your Rose Ash address is changing");
        assertThat(federation.browser().get(link(next, "Confirm your new address")).body())
                .contains("Your account uses " + next + " from now on.");
        assertThat(signIn(federation.browser(), next, PASSWORD).statusCode()).isEqualTo(303);
        assertThat(signIn(federation.browser(), email, PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void deletingTheAccountRemovesTheUserAndPublishesOneMemberDeletedEventWithIt() {
        RoutedClient browser = federation.browser();
        String email = confirmedMember(browser, "ivan");
        long id;
        try (Database db = Database.connect(federation.database)) {
            id = db.client().execute().get("SELECT id FROM federation.users WHERE email = ?", email).orElseThrow()
                    .column("id").getLong();
        }

        HttpResponse<String> wrong = browser.submit("/account/delete", "/account/delete",
                Map.of("currentPassword", "nope", "confirm", "delete"));
        HttpResponse<String> deleted = browser.submit("/account/delete", "/account/delete",
                Map.of("currentPassword", PASSWORD, "confirm", "delete"));

        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(deleted.body()).contains("Your account is deleted.");
        assertThat(browser.get("/").body()).doesNotContain("Signed in as");
        assertThat(signIn(federation.browser(), email, PASSWORD).statusCode()).isEqualTo(401);
        try (Database db = Database.connect(federation.database)) {
            assertThat(db.client().execute().get("SELECT count(*) AS n, min(payload::text) AS payload"
                            + " FROM federation.event_outbox WHERE type = 'member.deleted' AND aggregate_id = ?",
                            String.valueOf(id))
                    .orElseThrow().column("payload").getString())
                    .isEqualTo("{\"email\": \"" + email + "\", \"subject\": \"" + id + "\"}");
            assertThat(db.client().execute().get("SELECT count(*) AS n FROM federation.event_deliveries d"
                    + " JOIN federation.event_outbox o ON o.position = d.event_position WHERE o.aggregate_id = ?",
                    String.valueOf(id)).orElseThrow().column("n").getLong()).as("one per subscriber").isEqualTo(3);
        }
    }
}
