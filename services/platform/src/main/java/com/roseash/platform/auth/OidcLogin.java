package com.roseash.platform.auth;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.roseash.contract.ServiceName;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.fragments.CartMini;
import com.roseash.platform.metrics.RoundTrips;
import com.roseash.platform.visitor.CurrentUser;
import com.roseash.platform.web.Boost;
import com.roseash.platform.web.FormData;
import com.roseash.platform.web.Requests;
import com.roseash.platform.web.Urls;
import io.helidon.http.HeaderNames;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Sign-in through federation for one service, a route group mounted at {@link #MOUNT}: {@code /auth/login},
 * {@code /auth/callback} and {@code /auth/logout}, the authorization code flow with state, nonce and PKCE
 * (S256), and a first-party session cookie for this service's own host (so no browser's tracking protection
 * gets in the way). {@link #currentUser()} is the feature that puts each request's signed-in user in the
 * request context; {@link #backChannelLogout()} the internal socket's group federation calls.
 */
public final class OidcLogin implements HttpService {

    private static final System.Logger LOG = System.getLogger(OidcLogin.class.getName());
    /** Where the sign-in group is mounted on the public socket. */
    public static final String MOUNT = "/auth";
    /** Where the back-channel logout group is mounted on the internal socket. */
    public static final String INTERNAL_MOUNT = "/internal/auth";
    public static final String BACKCHANNEL_LOGOUT_PATH = INTERNAL_MOUNT + "/backchannel-logout";
    public static final String SESSION_COOKIE = "rose_ash_session";
    static final String STATE_COOKIE = "rose_ash_login";
    private static final Duration LOGIN_TTL = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientSettings client;
    private final SessionStore sessions;
    private final RedisCache redis;
    private final ErrorResponses errors;
    private final HttpClient http;
    private final IdTokenVerifier verifier;
    private final Optional<String> cartCookieDomain;

    /** @param domain the platform's domain ({@code rose-ash.domain}), which the cart cookie may be set for */
    public OidcLogin(ClientSettings client, SessionStore sessions, RedisCache redis, ErrorResponses errors, String domain) {
        this.cartCookieDomain = CartMini.cookieDomain(domain, client.ownPublic().toString());
        this.client = client;
        this.sessions = sessions;
        this.redis = redis;
        this.errors = errors;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1).build();
        this.verifier = new IdTokenVerifier(client.federationInternal().resolve("oauth/jwks"), client.issuer(),
                client.clientId(), http);
    }

    /** Sign-in for {@code service} as configured: its client settings, sessions with their timeouts. */
    public static OidcLogin create(RoseAshConfig config, ServiceName service, RedisCache redis, ErrorResponses errors) {
        return new OidcLogin(ClientSettings.from(config, service),
                new SessionStore(redis, service.id(), config.duration(PlatformSettings.SESSION_IDLE),
                        config.duration(PlatformSettings.SESSION_ABSOLUTE)), redis, errors,
                                config.string(PlatformSettings.DOMAIN));
    }

    /** The three routes, relative to {@link #MOUNT}. */
    @Override
    public void routing(HttpRules rules) {
        rules.get("/login", this::login)
                .get("/callback", this::callback)
                .post("/logout", this::logout);
    }

    /** The feature that resolves each request's signed-in user from this service's session cookie. */
    public CurrentUserFeature currentUser() {
        return new CurrentUserFeature(sessions);
    }

    /**
     * The back-channel logout endpoint federation calls, for the internal socket only (mounted at
     * {@link #INTERNAL_MOUNT}). A refused token is a 400 problem+json from the internal socket's error feature.
     */
    public HttpService backChannelLogout() {
        return rules -> rules.post("/backchannel-logout", (request, response) -> {
            response.header(HeaderNames.CACHE_CONTROL, "no-store");
            String token = FormData.of(request).first("logout_token").orElse("");
            String sid;
            try {
                sid = verifier.verifyLogoutToken(token);
            } catch (IdTokenVerifier.Refused e) {
                throw ErrorResponses.badRequest("The logout token was refused: " + e.getMessage());
            }
            int ended = sessions.deleteBySid(sid);
            LOG.log(Level.DEBUG, "Back-channel logout ended " + ended + " session(s) of " + client.clientId());
            response.status(Status.OK_200).send();
        });
    }

    private void login(ServerRequest request, ServerResponse response) {
        String returnTo = localPath(request.query().first("return").orElse("/"));
        String state = random();
        String nonce = random();
        String codeVerifier = random() + random();
        if (!redis.putHash(loginKey(state), Map.of("nonce", nonce, "verifier", codeVerifier, "return", returnTo), LOGIN_TTL)) {
            errors.render(request, response, Status.SERVICE_UNAVAILABLE_503,
                    "Signing in is unavailable for a moment. Try again shortly.");
            return;
        }
        response.headers().addCookie(cookie(request, STATE_COOKIE, state).maxAge(LOGIN_TTL).path(MOUNT + "/").build());
        String authorize = client.federationPublic().resolve("oauth/authorize") + "?" + query(Map.of(
                "response_type", "code",
                "client_id", client.clientId(),
                "redirect_uri", client.redirectUri(),
                "scope", "openid profile email",
                "state", state,
                "nonce", nonce,
                "code_challenge", s256(codeVerifier),
                "code_challenge_method", "S256"));
        if (Boost.wantsFragment(request)) {
            // A boosted click: have htmx navigate the whole page, since federation is another host.
            response.header(HeaderNames.create("HX-Redirect"), authorize).status(Status.OK_200).send();
            return;
        }
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, authorize).send();
    }

    private void callback(ServerRequest request, ServerResponse response) {
        String state = request.query().first("state").orElse("");
        String browserState = request.headers().cookies().first(STATE_COOKIE).orElse("");
        // The state must be the one this browser started with: otherwise someone else's sign-in is being pushed on it.
        if (state.isEmpty() || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                browserState.getBytes(StandardCharsets.UTF_8))) {
            errors.render(request, response, Status.BAD_REQUEST_400,
                    "This sign-in did not start in this browser. Sign in again.");
            return;
        }
        Map<String, String> pending = redis.getHash(loginKey(state));
        redis.delete(loginKey(state));
        response.headers().addCookie(cookie(request, STATE_COOKIE, "").expires(Instant.EPOCH).path(MOUNT + "/").build());
        if (pending.isEmpty()) {
            errors.render(request, response, Status.BAD_REQUEST_400,
                    "This sign-in has expired or was used already. Sign in again.");
            return;
        }
        Optional<String> error = request.query().first("error").asOptional();
        if (error.isPresent()) {
            errors.render(request, response, Status.BAD_REQUEST_400, "Sign-in was refused: "
                    + request.query().first("error_description").orElse(error.get()));
            return;
        }
        JWTClaimsSet claims;
        String idToken;
        try {
            idToken = exchange(request.query().first("code").orElse(""), pending.get("verifier"));
            claims = verifier.verify(idToken, pending.get("nonce"));
        } catch (IdTokenVerifier.Refused e) {
            LOG.log(Level.WARNING, "Sign-in for " + client.clientId() + " refused: " + e.getMessage());
            errors.render(request, response, Status.BAD_REQUEST_400, "Sign-in failed: " + e.getMessage() + ". Sign in again.");
            return;
        }
        Optional<Session> session = sessions.create(Map.of(
                "sub", claims.getSubject(),
                "name", String.valueOf(claims.getClaim("name")),
                "email", String.valueOf(claims.getClaim("email")),
                "roles", String.join(",", roles(claims)),
                "sid", String.valueOf(claims.getClaim("sid")),
                "id_token", idToken));
        if (session.isEmpty()) {
            errors.render(request, response, Status.SERVICE_UNAVAILABLE_503,
                    "Signing in is unavailable for a moment. Try again shortly.");
            return;
        }
        response.headers().addCookie(cookie(request, SESSION_COOKIE, session.get().id()).build());
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, pending.get("return")).send();
    }

    /**
     * Ends this service's session, then federation's (RP-initiated logout), and comes back home. The browser also
     * forgets its cart cookie: after a member signs out, the next person at a shared computer must not carry on
     * with their cart.
     */
    private void logout(ServerRequest request, ServerResponse response) {
        Optional<Session> session = request.context().get(Session.class);
        session.ifPresent(s -> sessions.delete(s.id()));
        // Expired, not "Max-Age=0": Helidon leaves a zero Max-Age out, and the browser would keep an empty cookie.
        response.headers().addCookie(cookie(request, SESSION_COOKIE, "").expires(Instant.EPOCH).build());
        SetCookie.Builder cart = cookie(request, CartMini.COOKIE, "").expires(Instant.EPOCH);
        cartCookieDomain.ifPresent(cart::domain);
        response.headers().addCookie(cart.build());
        String location = client.federationPublic().resolve("oauth/logout") + "?" + query(Map.of(
                "client_id", client.clientId(),
                "post_logout_redirect_uri", client.ownPublic().toString(),
                "id_token_hint", session.map(s -> s.attribute("id_token")).orElse("")));
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).send();
    }

    private String exchange(String code, String codeVerifier) throws IdTokenVerifier.Refused {
        String credentials = URLEncoder.encode(client.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(client.clientSecret(), StandardCharsets.UTF_8);
        HttpRequest token = HttpRequest.newBuilder(client.federationInternal().resolve("oauth/token"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", client.redirectUri(), "code_verifier", codeVerifier))))
                .build();
        try {
            RoundTrips.httpCall();
            HttpResponse<String> answer = http.send(token, HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(answer.body());
            if (answer.statusCode() != 200) {
                throw new IdTokenVerifier.Refused("federation refused the code ("
                        + body.path("error").asText("HTTP " + answer.statusCode()) + ")");
            }
            return body.path("id_token").asText();
        } catch (IOException e) {
            throw new IdTokenVerifier.Refused("federation could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdTokenVerifier.Refused("interrupted");
        }
    }

    static CurrentUser user(Session session) {
        Set<String> roles = new LinkedHashSet<>(List.of(session.attribute("roles").split(",")));
        roles.remove("");
        return new CurrentUser(session.attribute("sub"), session.attribute("name"), session.attribute("email"),
                Set.copyOf(roles));
    }

    private static List<String> roles(JWTClaimsSet claims) {
        Object roles = claims.getClaim("roles");
        return roles instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private String loginKey(String state) {
        return "rose-ash:" + client.clientId() + ":login:" + state;
    }

    private static SetCookie.Builder cookie(ServerRequest request, String name, String value) {
        return SetCookie.builder(name, value).path("/").httpOnly(true).sameSite(SetCookie.SameSite.LAX)
                .secure(Requests.isHttps(request));
    }

    /** {@code requested} when it is a path on this host, else "/": an open redirect would lend our name to another site. */
    public static String localPath(String requested) {
        return requested.startsWith("/") && !requested.startsWith("//") && !requested.startsWith("/\\") ? requested : "/";
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String query(Map<String, String> parameters) {
        return Urls.query(parameters);
    }

    /** Where a sign-in link should point to come back to {@code path}. */
    public static String loginPath(String path) {
        return MOUNT + "/login?return=" + URLEncoder.encode(localPath(path), StandardCharsets.UTF_8);
    }

    /** The URI a browser would come back to after signing in (the full path, whichever group is asking). */
    static String here(ServerRequest request) {
        String query = request.query().rawValue();
        return request.path().absolute().rawPath() + (query.isEmpty() ? "" : "?" + query);
    }
}
