package com.roseash.federation.oidc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.roseash.contract.ServiceName;
import com.roseash.federation.FederationSettings;
import com.roseash.federation.testing.Browser;
import com.roseash.federation.testing.ClientSite;
import com.roseash.federation.testing.RunningFederation;
import com.roseash.platform.auth.IdTokenVerifier;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform's client feature against the real provider: a service at {@code 127.0.0.1} signs its
 * users in through federation at {@code localhost} (another host, so each keeps its own cookies).
 */
class SignInThroughFederationTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final RSAKey KEY = SigningKeys.generate();
    private static RunningFederation federation;
    private static ClientSite client;
    private static String clientBase;
    private static String federationBase;

    @BeforeAll
    static void start() {
        int federationPort = TestRedis.freePort();
        int clientPort = TestRedis.freePort();
        clientBase = "http://127.0.0.1:" + clientPort;
        federationBase = "http://localhost:" + federationPort;
        federation = new RunningFederation(Map.of(
                PlatformSettings.PUBLIC_PORT.key(), String.valueOf(federationPort),
                PlatformSettings.publicUrl(ServiceName.FEDERATION).key(), federationBase + "/",
                PlatformSettings.publicUrl(ServiceName.BLOG).key(), clientBase + "/",
                FederationSettings.SIGNING_KEY.key(), new JWKSet(KEY).toString(false)));
        Map<String, String> clientConfig = new HashMap<>(Map.of(
                PlatformSettings.REDIS_URL.key(), TestRedis.shared().url(),
                PlatformSettings.publicUrl(ServiceName.BLOG).key(), clientBase + "/",
                PlatformSettings.publicUrl(ServiceName.FEDERATION).key(), federationBase + "/",
                PlatformSettings.internalUrl(ServiceName.FEDERATION).key(), "http://127.0.0.1:" + federation.service.internalPort() + "/",
                PlatformSettings.clientSecret(ServiceName.BLOG).key(), RunningFederation.BLOG_SECRET));
        client = new ClientSite(clientPort, clientConfig);
    }

    @AfterAll
    static void stop() {
        client.close();
        federation.close();
    }

    @Test
    void aMembersPageSendsTheVisitorToFederationAndBackSignedIn() {
        Browser browser = new Browser(clientBase);

        HttpResponse<String> members = browser.get("/members");
        assertThat(members.statusCode()).isEqualTo(303);
        String login = members.headers().firstValue("Location").orElseThrow();
        assertThat(login).isEqualTo("/auth/login?return=%2Fmembers");

        HttpResponse<String> toFederation = browser.get(login);
        String authorize = toFederation.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(federationBase + "/oauth/authorize?").contains("code_challenge_method=S256")
                .contains("nonce=").contains("state=");

        HttpResponse<String> signInPage = browser.get(authorize);
        assertThat(signInPage.headers().firstValue("Location")).get().asString().startsWith("/login?return=");
        register(browser);
        HttpResponse<String> back = browser.get(authorize);
        String callback = back.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(clientBase + "/auth/callback?code=");

        HttpResponse<String> signedIn = browser.get(callback);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/members");
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("rose_ash_session=").contains("HttpOnly").contains("SameSite=Lax"));

        HttpResponse<String> page = browser.get("/members");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Members only").contains("Member (").contains("signed-in-as");
    }

    @Test
    void behindAnHttpsIngressTheSessionCookieIsSecure() {
        Browser browser = new Browser(clientBase);
        String authorize = browser.get("/auth/login?return=/").headers().firstValue("Location").orElseThrow();
        register(browser);
        String callback = browser.get(authorize).headers().firstValue("Location").orElseThrow();

        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(callback))
                .header("X-Forwarded-Proto", "https").build());

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("rose_ash_session=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(signedIn.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void aMemberIsForbiddenAnEditorsPage() {
        Browser browser = signedIn();

        HttpResponse<String> editors = browser.get("/editors");

        assertThat(editors.statusCode()).isEqualTo(403);
        assertThat(editors.body()).contains("for editors only");
    }

    @Test
    void signingOutEndsTheServiceAndTheFederationSession() {
        Browser browser = signedIn();

        HttpResponse<String> logout = browser.submit("/", "/auth/logout", Map.of());
        assertThat(logout.headers().allValues("Set-Cookie")).as("the browser forgets its cart too")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("rose_ash_cart=;").contains("Expires=Thu, 1 Jan 1970"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("rose_ash_session=;").contains("Expires=Thu, 1 Jan 1970"));
        String endSession = logout.headers().firstValue("Location").orElseThrow();
        assertThat(endSession).startsWith(federationBase + "/oauth/logout?");
        HttpResponse<String> home = browser.get(endSession);
        assertThat(home.headers().firstValue("Location")).contains(clientBase + "/");

        assertThat(browser.get("/members").statusCode()).isEqualTo(303);
        // Signing in again must start from federation's login page: its session is gone, not only this service's.
        String authorize = browser.get("/auth/login?return=/").headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(federationBase + "/oauth/authorize?");
        assertThat(browser.get(authorize).headers().firstValue("Location")).as("authorising again asks to sign in")
                .get().asString().startsWith("/login?return=");
    }

    @Test
    void aCallbackThatThisBrowserDidNotStartIsRefused() {
        Browser victim = new Browser(clientBase);
        Browser attacker = signedIn();
        String authorize = attacker.get("/auth/login?return=/").headers().firstValue("Location").orElseThrow();
        String attackersCallback = attacker.get(authorize).headers().firstValue("Location").orElseThrow();

        HttpResponse<String> forced = victim.get(attackersCallback);

        assertThat(forced.statusCode()).isEqualTo(400);
        assertThat(forced.body()).contains("did not start in this browser");
        assertThat(victim.get("/members").statusCode()).isEqualTo(303);
    }

    @Test
    void tamperedExpiredAndMisdirectedIdTokensAreRefused() throws Exception {
        IdTokenVerifier verifier = new IdTokenVerifier(URI.create("http://127.0.0.1:" + federation.service.internalPort() + "/oauth/jwks"),
                federationBase, "blog", HttpClient.newHttpClient());
        SigningKeys keys = SigningKeys.from(Optional.of(new JWKSet(KEY).toString(false)));
        String good = keys.sign(claims("blog", Instant.now().plusSeconds(300), "n1"));
        assertThat(verifier.verify(good, "n1").getSubject()).isEqualTo("7");

        String[] parts = good.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"7\"", "\"sub\":\"1\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThatThrownBy(() -> verifier.verify(tampered, "n1")).hasMessageContaining("signature");
        assertThatThrownBy(() -> verifier.verify(keys.sign(claims("blog", Instant.now().minusSeconds(5), "n1")), "n1"))
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> verifier.verify(keys.sign(claims("market", Instant.now().plusSeconds(300), "n1")), "n1"))
                .hasMessageContaining("another client");
        assertThatThrownBy(() -> verifier.verify(good, "other-nonce")).hasMessageContaining("nonce");
        assertThatThrownBy(() -> verifier.verify(SigningKeys.from(Optional.empty())
                .sign(claims("blog", Instant.now().plusSeconds(300), "n1")), "n1")).hasMessageContaining("unknown key");
    }

    private static JWTClaimsSet claims(String audience, Instant expiry, String nonce) {
        return new JWTClaimsSet.Builder().issuer(federationBase).subject("7").audience(List.of(audience))
                .issueTime(new Date()).expirationTime(Date.from(expiry)).claim("nonce", nonce).build();
    }

    private static Browser signedIn() {
        Browser browser = new Browser(clientBase);
        String authorize = browser.get("/auth/login?return=/").headers().firstValue("Location").orElseThrow();
        register(browser);
        String callback = browser.get(authorize).headers().firstValue("Location").orElseThrow();
        assertThat(browser.get(callback).statusCode()).isEqualTo(303);
        return browser;
    }

    private static void register(Browser browser) {
        HttpResponse<String> registered = browser.submit(federationBase + "/register", federationBase + "/register", Map.of(
                "email", "m" + System.nanoTime() + "@example.org", "name", "Member", "password", PASSWORD));
        assertThat(registered.statusCode()).isEqualTo(303);
    }
}
