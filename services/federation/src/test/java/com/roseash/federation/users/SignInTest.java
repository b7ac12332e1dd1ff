package com.roseash.federation.users;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.roseash.federation.FederationSettings;
import com.roseash.federation.testing.RoutedFederation;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.db.Database;
import com.roseash.platform.testing.RoutedClient;
import com.roseash.platform.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static RoutedFederation federation;

    @BeforeAll
    static void start() {
        federation = new RoutedFederation(Map.of(FederationSettings.FAILURES_PER_ADDRESS.key(), "1000"));
    }

    @AfterAll
    static void stop() {
        federation.close();
    }

    @Test
    void registerThenSignOutThenSignInAgain() {
        RoutedClient browser = browser();
        String email = unique("alice");
        assertThat(register(browser, email).statusCode()).isEqualTo(303);
        assertThat(browser.get("/").body()).contains("Signed in as Alice");

        assertThat(browser.submit("/", "/logout", Map.of()).statusCode()).isEqualTo(303);
        assertThat(browser.get("/").body()).doesNotContain("Signed in as");

        HttpResponse<String> signIn = browser.submit("/login", "/login",
                Map.of("email", email.toUpperCase(), "password", PASSWORD, "return", "/"));
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(browser.get("/").body()).contains("Signed in as Alice");
    }

    @Test
    void aWrongPasswordSaysSoWithoutTellingWhichPartWasWrong() {
        RoutedClient browser = browser();
        String email = unique("bob");
        register(browser, email);

        HttpResponse<String> wrong = browser().submit("/login", "/login", Map.of("email", email, "password", "not the password"));
        HttpResponse<String> unknown = browser().submit("/login", "/login",
                Map.of("email", unique("nobody"), "password", PASSWORD));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong e-mail address or password.");
        assertThat(unknown.body()).contains("Wrong e-mail address or password.");
    }

    @Test
    void theEleventhRapidWrongPasswordIsRefusedEvenWhenRight() {
        String email = unique("carol");
        register(browser(), email);
        RoutedClient attacker = browser();

        for (int i = 1; i <= 10; i++) {
            assertThat(attacker.submit("/login", "/login", Map.of("email", email, "password", "guess " + i)).statusCode())
                    .as("attempt %d", i).isEqualTo(401);
        }
        HttpResponse<String> eleventh = attacker.submit("/login", "/login", Map.of("email", email, "password", PASSWORD));

        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.body()).contains("Too many failed sign-ins for this account");
        assertThat(browser().submit("/login", "/login", Map.of("email", unique("other"), "password", "x")).statusCode())
                .as("other accounts are not locked").isEqualTo(401);
    }

    @Test
    void manyWrongPasswordsFromOneAddressAreRefusedAcrossAccounts() {
        // A Redis of its own: the address counters of the other tests must not count here.
        try (TestRedis redis = TestRedis.startNew();
             RoutedFederation strict = new RoutedFederation(Map.of(FederationSettings.FAILURES_PER_ADDRESS.key(), "3",
                     PlatformSettings.REDIS_URL.key(), redis.url()))) {
            RoutedClient guesser = strict.browser();
            for (int i = 1; i <= 3; i++) {
                assertThat(guesser.submit("/login", "/login", Map.of("email", unique("victim" + i), "password", "guess"))
                        .statusCode())
                        .isEqualTo(401);
            }
            HttpResponse<String> fourth = guesser.submit("/login", "/login",
                    Map.of("email", unique("victim4"), "password", "guess"));

            assertThat(fourth.statusCode()).isEqualTo(429);
            assertThat(fourth.body()).contains("Too many failed sign-ins from your network");
        }
    }

    @Test
    void aPostWithoutItsCsrfTokenIsRefused() {
        String email = unique("dave");
        register(browser(), email);

        HttpResponse<String> forged = browser().post("/login", Map.of("email", email, "password", PASSWORD));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(SignedInUsers.COOKIE + "=")
                && c.length() > 40);
    }

    @Test
    void registrationRefusesBadInputAndTakenAddressesWithReasons() {
        HttpResponse<String> bad = browser().submit("/register", "/register",
                Map.of("email", "not-an-email", "name", "", "password", "short"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Enter an e-mail address").contains("Enter a name").contains("at least 10 characters");

        String email = unique("erin");
        register(browser(), email);
        HttpResponse<String> taken = browser().submit("/register", "/register",
                Map.of("email", email, "name", "Erin", "password", PASSWORD));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("exists already");
    }

    @Test
    void signInReturnsOnlyToPathsOnThisHost() {
        String email = unique("frank");
        register(browser(), email);

        HttpResponse<String> offsite = browser().submit("/login", "/login",
                Map.of("email", email, "password", PASSWORD, "return", "//evil.example/steal"));
        HttpResponse<String> local = browser().submit("/login", "/login",
                Map.of("email", email, "password", PASSWORD, "return", "/oauth/authorize?client_id=blog"));

        assertThat(offsite.headers().firstValue("Location")).contains("/");
        assertThat(local.headers().firstValue("Location")).contains("/oauth/authorize?client_id=blog");
    }

    @Test
    void passwordsNeverReachTheLog() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + Arrays.toString(record.getParameters())
                        + " " + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        // Down to debug (FINE). Below that, FINEST, is Helidon's wire trace, which dumps whole requests
        // byte by byte and must never be on in production.
        capture.setLevel(Level.FINE);
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.setLevel(Level.FINE);
        root.addHandler(capture);
        try {
            String email = unique("heidi");
            register(browser(), email);
            browser().submit("/login", "/login", Map.of("email", email, "password", "wrong-but-secret-guess"));
            browser().submit("/login", "/login", Map.of("email", email, "password", PASSWORD));
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertThat(logged).isNotEmpty();
        assertThat(logged).noneMatch(line -> line.contains(PASSWORD) || line.contains("wrong-but-secret-guess"));
    }

    @Test
    void passwordsAreStoredAsArgon2idHashes() {
        String email = unique("grace");
        register(browser(), email);

        try (var database = Database.connect(federation.database)) {
            String hash = database.client().execute()
                    .get("SELECT password_hash FROM federation.users WHERE email = ?", email)
                    .orElseThrow().column("password_hash").getString();
            assertThat(hash).startsWith("$argon2id$").doesNotContain(PASSWORD);
        }
    }

    private static HttpResponse<String> register(RoutedClient browser, String email) {
        String name = Character.toUpperCase(email.charAt(0)) + email.substring(1, email.indexOf('-'));
        return browser.submit("/register", "/register", Map.of("email", email, "name", name, "password", PASSWORD));
    }

    private static String unique(String name) {
        return name + "-" + System.nanoTime() + "@example.org";
    }

    private static RoutedClient browser() {
        return federation.browser();
    }
}
