package com.roseash.federation.oidc;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.roseash.federation.users.SignedInUsers;
import com.roseash.federation.users.User;
import com.roseash.federation.users.UserRepository;
import com.roseash.platform.csrf.CsrfExempt;
import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.web.FormData;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The OpenID Connect provider: discovery, JWKS, the authorization code flow with PKCE (S256 only),
 * the token endpoint, userinfo and RP-initiated logout. Errors that cannot safely go back to the client
 * (unknown client, unregistered redirect URI) are shown to the user; the rest are returned to the
 * client's redirect URI as OAuth errors.
 *
 * <p>A route group mounted at {@link #MOUNT} on the public socket; {@link #serverToServer()} is the part
 * services call on the internal socket, and {@link #discovery()} the document at {@link #DISCOVERY_MOUNT}.
 */
public final class OidcRoutes implements HttpService, CsrfExempt {

    public static final String MOUNT = "/oauth";
    public static final String DISCOVERY_MOUNT = "/.well-known";
    /** Relative to {@link #MOUNT}. */
    public static final String TOKEN_PATH = "/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;
    private final OidcClients clients;
    private final AuthorizationCodes codes;
    private final SigningKeys keys;
    private final SignedInUsers signedIn;
    private final UserRepository users;
    private final ErrorResponses errors;
    private final Duration tokenTtl;

    public OidcRoutes(String issuer, OidcClients clients, AuthorizationCodes codes, SigningKeys keys, SignedInUsers signedIn,
                      UserRepository users, ErrorResponses errors, Duration tokenTtl) {
        this.issuer = issuer;
        this.clients = clients;
        this.codes = codes;
        this.keys = keys;
        this.signedIn = signedIn;
        this.users = users;
        this.errors = errors;
        this.tokenTtl = tokenTtl;
    }

    /** The public socket's group: the browser-facing endpoints and the server-to-server ones. */
    @Override
    public void routing(HttpRules rules) {
        serverToServerRoutes(rules);
        rules.get("/authorize", this::authorize)
                .get("/logout", this::logout);
    }

    /** Other servers call the token endpoint with their client secret, never with a browser's CSRF token. */
    @Override
    public List<String> csrfExemptPaths() {
        return List.of(TOKEN_PATH);
    }

    /** Endpoints services call, for the internal socket (mounted at {@link #MOUNT} there too). */
    public HttpService serverToServer() {
        return this::serverToServerRoutes;
    }

    /** {@code /.well-known/openid-configuration}, mounted at {@link #DISCOVERY_MOUNT}. */
    public HttpService discovery() {
        return rules -> rules.get("/openid-configuration", (req, res) -> json(res, Status.OK_200, discoveryDocument()));
    }

    private void serverToServerRoutes(HttpRules rules) {
        rules.get("/jwks", (req, res) -> json(res, Status.OK_200, keys.publicSet().toJSONObject(true)))
                .post(TOKEN_PATH, this::token)
                .get("/userinfo", this::userinfo);
    }

    private Map<String, Object> discoveryDocument() {
        String endpoints = issuer + MOUNT;
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("authorization_endpoint", endpoints + "/authorize");
        document.put("token_endpoint", endpoints + TOKEN_PATH);
        document.put("userinfo_endpoint", endpoints + "/userinfo");
        document.put("jwks_uri", endpoints + "/jwks");
        document.put("end_session_endpoint", endpoints + "/logout");
        document.put("response_types_supported", List.of("code"));
        document.put("grant_types_supported", List.of("authorization_code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("scopes_supported", List.of("openid", "profile", "email"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put("claims_supported", List.of("sub", "name", "email", "roles", "nonce", "auth_time", "sid"));
        return document;
    }

    private void authorize(ServerRequest request, ServerResponse response) {
        var query = request.query();
        Optional<OidcClient> client = clients.byId(query.first("client_id").orElse(null));
        if (client.isEmpty()) {
            errors.render(request, response, Status.BAD_REQUEST_400,
                    "Unknown client_id: sign-in was not started by one of our services.");
            return;
        }
        String redirectUri = query.first("redirect_uri").orElse("");
        if (!client.get().redirectUris().contains(redirectUri)) {
            // Never redirect to an address the client did not register.
            errors.render(request, response, Status.BAD_REQUEST_400, "redirect_uri does not match the one registered for "
                    + client.get().id() + ".");
            return;
        }
        String state = query.first("state").orElse(null);
        if (!"code".equals(query.first("response_type").orElse(""))) {
            redirectError(response, redirectUri, "unsupported_response_type", "Only response_type=code is supported.", state);
            return;
        }
        String scope = query.first("scope").orElse("");
        if (!List.of(scope.split(" ")).contains("openid")) {
            redirectError(response, redirectUri, "invalid_scope", "The openid scope is required.", state);
            return;
        }
        String method = query.first("code_challenge_method").orElse("");
        String challenge = query.first("code_challenge").orElse("");
        if (!"S256".equals(method) || !Pkce.isValidChallenge(challenge)) {
            redirectError(response, redirectUri, "invalid_request",
                    "PKCE is required with code_challenge_method=S256 and a 43-character code_challenge.", state);
            return;
        }
        Optional<SignedInUsers.SignedIn> user = signedIn.current(request);
        if (user.isEmpty()) {
            String here = request.path().absolute().rawPath() + "?" + request.query().rawValue();
            response.status(Status.SEE_OTHER_303)
                    .header(HeaderNames.LOCATION, "/login?return=" + URLEncoder.encode(here, StandardCharsets.UTF_8)).send();
            return;
        }
        // The platform's own services: no consent screen.
        String code = codes.issue(new AuthorizationCodes.Grant(client.get().id(), user.get().user().id(), redirectUri, challenge,
                query.first("nonce").orElse(null), scope, user.get().session().id(), user.get().authTime()));
        response.status(Status.SEE_OTHER_303)
                .header(HeaderNames.LOCATION, redirectUri + "?code=" + encode(code)
                        + (state == null ? "" : "&state=" + encode(state)))
                .send();
    }

    private void token(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        Parameters form = FormData.of(request);
        Optional<OidcClient> client = authenticate(request, form);
        if (client.isEmpty()) {
            response.header(HeaderNames.WWW_AUTHENTICATE, "Basic realm=\"rose-ash\"");
            oauthError(response, Status.UNAUTHORIZED_401, "invalid_client", "Client authentication failed.");
            return;
        }
        if (!"authorization_code".equals(form.first("grant_type").orElse(""))) {
            oauthError(response, Status.BAD_REQUEST_400, "unsupported_grant_type", "Only authorization_code is supported.");
            return;
        }
        AuthorizationCodes.Redemption redemption = codes.redeem(form.first("code").orElse(""));
        if (redemption instanceof AuthorizationCodes.Redemption.Replayed) {
            oauthError(response, Status.BAD_REQUEST_400, "invalid_grant", "This authorization code was used already.");
            return;
        }
        if (!(redemption instanceof AuthorizationCodes.Redemption.Redeemed(AuthorizationCodes.Grant grant))) {
            oauthError(response, Status.BAD_REQUEST_400, "invalid_grant", "Unknown or expired authorization code.");
            return;
        }
        if (!grant.clientId().equals(client.get().id()) || !grant.redirectUri().equals(form.first("redirect_uri").orElse(""))) {
            oauthError(response, Status.BAD_REQUEST_400, "invalid_grant",
                    "The code was issued to another client or redirect_uri.");
            return;
        }
        if (!Pkce.verifies(form.first("code_verifier").orElse(null), grant.codeChallenge())) {
            oauthError(response, Status.BAD_REQUEST_400, "invalid_grant", "code_verifier does not match the code_challenge.");
            return;
        }
        Optional<User> user = users.byId(grant.userId());
        if (user.isEmpty()) {
            oauthError(response, Status.BAD_REQUEST_400, "invalid_grant", "The user no longer exists.");
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder idToken = claims(user.get(), client.get().id(), now)
                .claim("auth_time", grant.authTime().getEpochSecond())
                .claim("sid", grant.sessionId());
        if (grant.nonce() != null) {
            idToken.claim("nonce", grant.nonce());
        }
        JWTClaimsSet accessToken = claims(user.get(), client.get().id(), now)
                .claim("scope", grant.scope()).claim("token_use", "access").build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", keys.sign(accessToken));
        body.put("token_type", "Bearer");
        body.put("expires_in", tokenTtl.toSeconds());
        body.put("scope", grant.scope());
        body.put("id_token", keys.sign(idToken.build()));
        json(response, Status.OK_200, body);
    }

    private void userinfo(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        String authorization = request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        Optional<JWTClaimsSet> token = authorization.startsWith("Bearer ")
                ? keys.verify(authorization.substring(7).strip(), issuer).filter(c -> "access".equals(c.getClaim("token_use")))
                : Optional.empty();
        if (token.isEmpty()) {
            response.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            oauthError(response, Status.UNAUTHORIZED_401, "invalid_token", "A valid access token is required.");
            return;
        }
        Optional<User> user = users.byId(Long.parseLong(token.get().getSubject()));
        if (user.isEmpty()) {
            oauthError(response, Status.UNAUTHORIZED_401, "invalid_token", "The user no longer exists.");
            return;
        }
        json(response, Status.OK_200, Map.of("sub", token.get().getSubject(), "name", user.get().displayName(),
                "email", user.get().email(), "roles", List.copyOf(user.get().roles())));
    }

    /** RP-initiated logout: ends the federation session, then returns to a registered address. */
    private void logout(ServerRequest request, ServerResponse response) {
        var query = request.query();
        String target = "/";
        Optional<String> postLogout = query.first("post_logout_redirect_uri").asOptional();
        Optional<String> clientId = query.first("client_id").asOptional()
                .or(() -> query.first("id_token_hint").asOptional().flatMap(this::audienceOfHint));
        if (postLogout.isPresent()) {
            Optional<OidcClient> client = clientId.flatMap(clients::byId);
            if (client.isEmpty() || !client.get().postLogoutRedirectUris().contains(postLogout.get())) {
                errors.render(request, response, Status.BAD_REQUEST_400,
                        "post_logout_redirect_uri is not registered for this client.");
                return;
            }
            target = postLogout.get() + query.first("state").map(s -> "?state=" + encode(s)).orElse("");
        }
        signedIn.signOut(request, response);
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, target).send();
    }

    private Optional<String> audienceOfHint(String idToken) {
        // An expired ID token is still a fine hint of who is logging out; its signature must hold.
        return keys.signedByUs(idToken).flatMap(claims -> claims.getAudience().stream().findFirst());
    }

    private JWTClaimsSet.Builder claims(User user, String audience, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(String.valueOf(user.id()))
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(tokenTtl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("name", user.displayName())
                .claim("email", user.email())
                .claim("roles", List.copyOf(user.roles()));
    }

    /** client_secret_basic or client_secret_post. */
    private Optional<OidcClient> authenticate(ServerRequest request, Parameters form) {
        String authorization = request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        String id;
        String secret;
        if (authorization.startsWith("Basic ")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        } else {
            id = form.first("client_id").orElse(null);
            secret = form.first("client_secret").orElse(null);
        }
        return clients.byId(id).filter(client -> client.secretMatches(secret));
    }

    private static void redirectError(ServerResponse response, String redirectUri, String error, String description,
            String state) {
        String location = redirectUri + "?error=" + encode(error) + "&error_description=" + encode(description)
                + (state == null ? "" : "&state=" + encode(state));
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, URI.create(location).toString()).send();
    }

    private static void oauthError(ServerResponse response, Status status, String error, String description) {
        json(response, status, Map.of("error", error, "error_description", description));
    }

    private static void json(ServerResponse response, Status status, Object body) {
        try {
            response.status(status).header(HeaderNames.CONTENT_TYPE, "application/json").send(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
