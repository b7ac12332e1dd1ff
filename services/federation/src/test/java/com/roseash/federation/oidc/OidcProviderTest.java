package com.roseash.federation.oidc;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.roseash.federation.testing.RoutedFederation;
import com.roseash.federation.testing.RunningFederation;
import com.roseash.platform.testing.RoutedClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.roseash.federation.testing.RunningFederation.BLOG_CALLBACK;
import static com.roseash.federation.testing.RunningFederation.BLOG_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/** The provider as a relying party meets it: discovery, the code flow with PKCE, and every refusal. */
class OidcProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "http://federation.test.example";
    private static RoutedFederation federation;
    private static int users;
    /** The email address the last {@link #signedInBrowser()} registered with. */
    private String lastEmail;

    @BeforeAll
    static void start() {
        federation = new RoutedFederation(Map.of());
    }

    @AfterAll
    static void stop() {
        federation.close();
    }

    @Test
    void discoveryAdvertisesTheCodeFlowWithS256Only() throws Exception {
        JsonNode discovery = JSON.readTree(browser().get("/.well-known/openid-configuration").body());

        assertThat(discovery.path("issuer").asText()).isEqualTo(ISSUER);
        assertThat(discovery.path("authorization_endpoint").asText()).isEqualTo(ISSUER + "/oauth/authorize");
        assertThat(discovery.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(discovery.path("response_types_supported").toString()).isEqualTo("[\"code\"]");
        assertThat(JWKSet.parse(browser().get("/oauth/jwks").body()).getKeys()).isNotEmpty()
                .allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void theCodeFlowGivesASignedIdTokenForTheClientAndUserinfo() throws Exception {
        RoutedClient browser = signedInBrowser();
        Pkce pkce = new Pkce();

        HttpResponse<String> authorize = browser.get(authorizeUrl(BLOG_CALLBACK, pkce.challenge, "S256"));
        assertThat(authorize.statusCode()).isEqualTo(303);
        URI callback = URI.create(authorize.headers().firstValue("Location").orElseThrow());
        assertThat(callback.toString()).startsWith(BLOG_CALLBACK + "?code=").endsWith("&state=state-123");

        HttpResponse<String> token = exchange(browser, code(callback), pkce.verifier, BLOG_CALLBACK);
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = JSON.readTree(token.body());
        SignedJWT idToken = SignedJWT.parse(body.path("id_token").asText());
        JWKSet keys = JWKSet.parse(browser.get("/oauth/jwks").body());
        assertThat(idToken.verify(new RSASSAVerifier(keys.getKeyByKeyId(idToken.getHeader().getKeyID()).toRSAKey()))).isTrue();
        assertThat(idToken.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
        assertThat(idToken.getJWTClaimsSet().getAudience()).containsExactly("blog");
        assertThat(idToken.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("nonce-456");
        assertThat(idToken.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("member");

        HttpResponse<String> userinfo = browser.get("/oauth/userinfo",
                "Authorization", "Bearer " + body.path("access_token").asText());
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(userinfo.body()).path("email").asText()).as("the signed-in member's own address")
                .isEqualTo(lastEmail);
        assertThat(browser.get("/oauth/userinfo", "Authorization", "Bearer " + body.path("id_token").asText()).statusCode())
                .as("an ID token is not an access token").isEqualTo(401);
    }

    @Test
    void anAnonymousUserIsSentToSignInAndBack() {
        Pkce pkce = new Pkce();
        String authorize = authorizeUrl(BLOG_CALLBACK, pkce.challenge, "S256");

        HttpResponse<String> response = browser().get(authorize);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).get().asString()
                .startsWith("/login?return=" + URLEncoder.encode("/oauth/authorize?", StandardCharsets.UTF_8));
    }

    @Test
    void aRedirectUriThatIsNotRegisteredExactlyIsRefusedWithoutRedirecting() {
        RoutedClient browser = signedInBrowser();
        Pkce pkce = new Pkce();

        for (String uri : new String[] {"https://evil.example/callback", BLOG_CALLBACK + "/extra", BLOG_CALLBACK + "?x=1"}) {
            HttpResponse<String> response = browser.get(authorizeUrl(uri, pkce.challenge, "S256"));
            assertThat(response.statusCode()).as(uri).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).as(uri).isEmpty();
            assertThat(response.body()).contains("redirect_uri does not match");
        }
    }

    @Test
    void aMissingOrPlainPkceChallengeIsRefused() {
        RoutedClient browser = signedInBrowser();
        Pkce pkce = new Pkce();

        HttpResponse<String> missing = browser.get(authorizeUrl(BLOG_CALLBACK, "", ""));
        HttpResponse<String> plain = browser.get(authorizeUrl(BLOG_CALLBACK, pkce.verifier.substring(0, 43), "plain"));

        for (HttpResponse<String> response : List.of(missing, plain)) {
            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).get().asString()
                    .startsWith(BLOG_CALLBACK + "?error=invalid_request").contains("S256").doesNotContain("code=");
        }
    }

    @Test
    void aReplayedAuthorizationCodeIsRefused() throws Exception {
        RoutedClient browser = signedInBrowser();
        Pkce pkce = new Pkce();
        String code = code(URI.create(browser.get(authorizeUrl(BLOG_CALLBACK, pkce.challenge, "S256"))
                .headers().firstValue("Location").orElseThrow()));

        assertThat(exchange(browser, code, pkce.verifier, BLOG_CALLBACK).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = exchange(browser, code, pkce.verifier, BLOG_CALLBACK);

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(replay.body()).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(replay.body()).contains("used already");
    }

    @Test
    void aWrongCodeVerifierOrClientSecretIsRefused() throws Exception {
        RoutedClient browser = signedInBrowser();
        Pkce pkce = new Pkce();
        String code = code(URI.create(browser.get(authorizeUrl(BLOG_CALLBACK, pkce.challenge, "S256"))
                .headers().firstValue("Location").orElseThrow()));

        HttpResponse<String> badSecret = browser.post("/oauth/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", BLOG_CALLBACK, "code_verifier", pkce.verifier), "Authorization", basic("blog", "wrong"));
        assertThat(badSecret.statusCode()).isEqualTo(401);

        HttpResponse<String> badVerifier = exchange(browser, code, new Pkce().verifier, BLOG_CALLBACK);
        assertThat(badVerifier.statusCode()).isEqualTo(400);
        assertThat(badVerifier.body()).contains("code_verifier");
    }

    @Test
    void logoutReturnsOnlyToARegisteredAddressAndEndsTheSession() {
        RoutedClient browser = signedInBrowser();

        HttpResponse<String> refused = browser.get("/oauth/logout?client_id=blog&post_logout_redirect_uri="
                + URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(browser.get("/").body()).as("still signed in").contains("Signed in as");

        HttpResponse<String> logout = browser.get("/oauth/logout?client_id=blog&state=s1&post_logout_redirect_uri="
                + URLEncoder.encode(RunningFederation.BLOG_URL, StandardCharsets.UTF_8));
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Location")).contains(RunningFederation.BLOG_URL + "?state=s1");
        assertThat(browser.get("/").body()).contains("Sign in").doesNotContain("Signed in as");
        assertThat(browser.get(authorizeUrl(BLOG_CALLBACK, new Pkce().challenge, "S256")).headers().firstValue("Location"))
                .get().asString().startsWith("/login");
    }

    private RoutedClient signedInBrowser() {
        RoutedClient browser = browser();
        int n = ++users;
        lastEmail = "member" + n + "-" + System.nanoTime() + "@example.org";
        HttpResponse<String> registered = browser.submit("/register", "/register", Map.of(
                "email", lastEmail, "name", "Member " + n,
                "password", "correct horse battery staple"));
        assertThat(registered.statusCode()).isEqualTo(303);
        return browser;
    }

    private static RoutedClient browser() {
        return federation.browser();
    }

    private static String authorizeUrl(String redirectUri, String challenge, String method) {
        Map<String, String> query = new HashMap<>(Map.of("response_type", "code", "client_id", "blog",
                "redirect_uri", redirectUri, "scope", "openid profile email", "state", "state-123", "nonce", "nonce-456"));
        if (!challenge.isEmpty()) {
            query.put("code_challenge", challenge);
        }
        if (!method.isEmpty()) {
            query.put("code_challenge_method", method);
        }
        return "/oauth/authorize?" + RoutedClient.form(query);
    }

    private static HttpResponse<String> exchange(RoutedClient browser, String code, String verifier, String redirectUri) {
        return browser.post("/oauth/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "code_verifier", verifier), "Authorization", basic("blog", BLOG_SECRET));
    }

    private static String code(URI callback) {
        for (String pair : callback.getRawQuery().split("&")) {
            if (pair.startsWith("code=")) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no code in " + callback);
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** A client's PKCE pair, computed here rather than with the provider's own code. */
    private static final class Pkce {
        final String verifier;
        final String challenge;

        Pkce() {
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
