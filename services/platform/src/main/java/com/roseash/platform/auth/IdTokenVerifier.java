package com.roseash.platform.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.roseash.platform.metrics.RoundTrips;

/**
 * Checks an ID token as OpenID Connect Core 3.1.3.7 asks: RS256 signature by a key federation
 * publishes, our issuer, our client id in the audience, not expired, and the nonce we sent. Keys are
 * fetched once and again only when a token names a key we have not seen (after a rotation).
 */
public final class IdTokenVerifier {

    private final URI jwksUri;
    private final String issuer;
    private final String clientId;
    private final HttpClient http;
    private volatile JWKSet keys = new JWKSet();

    public IdTokenVerifier(URI jwksUri, String issuer, String clientId, HttpClient http) {
        this.jwksUri = jwksUri;
        this.issuer = issuer;
        this.clientId = clientId;
        this.http = http;
    }

    /** Why a token was refused, for the log and the error page; never shows the token. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    public JWTClaimsSet verify(String idToken, String expectedNonce) throws Refused {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(idToken);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refused("the ID token is not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new Refused("the ID token is not signed with RS256");
        }
        JWK key = key(jwt.getHeader().getKeyID()).orElseThrow(() -> new Refused("the ID token is signed by an unknown key"));
        try {
            if (!jwt.verify(new RSASSAVerifier(key.toRSAKey()))) {
                throw new Refused("the ID token's signature does not verify");
            }
        } catch (JOSEException e) {
            throw new Refused("the ID token's signature could not be checked");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new Refused("the ID token comes from another issuer");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
            throw new Refused("the ID token was issued to another client");
        }
        if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(Instant.now())) {
            throw new Refused("the ID token has expired");
        }
        Object nonce = claims.getClaim("nonce");
        if (expectedNonce == null || !expectedNonce.equals(nonce)) {
            throw new Refused("the ID token's nonce does not match this sign-in");
        }
        return claims;
    }

    static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    /**
     * A logout token (OpenID Connect Back-Channel Logout 1.0, section 2.6): signed by federation, for
     * us, carrying the logout event and a {@code sid}, and no nonce. Returns the sid.
     */
    public String verifyLogoutToken(String logoutToken) throws Refused {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(logoutToken);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refused("the logout token is not a signed JWT");
        }
        JWK key = key(jwt.getHeader().getKeyID()).orElseThrow(() -> new Refused("the logout token is signed by an unknown key"));
        try {
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new RSASSAVerifier(key.toRSAKey()))) {
                throw new Refused("the logout token's signature does not verify");
            }
        } catch (JOSEException e) {
            throw new Refused("the logout token's signature could not be checked");
        }
        if (!issuer.equals(claims.getIssuer()) || claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
            throw new Refused("the logout token is not from our provider for us");
        }
        if (claims.getIssueTime() == null || claims.getIssueTime().toInstant().isBefore(Instant.now().minusSeconds(300))) {
            throw new Refused("the logout token is stale");
        }
        Object events = claims.getClaim("events");
        if (!(events instanceof Map<?, ?> map) || !map.containsKey(BACKCHANNEL_LOGOUT_EVENT)
                || claims.getClaim("nonce") != null) {
            throw new Refused("the token is not a logout token");
        }
        Object sid = claims.getClaim("sid");
        if (!(sid instanceof String s) || s.isBlank()) {
            throw new Refused("the logout token names no session");
        }
        return s;
    }

    private Optional<JWK> key(String keyId) {
        JWK known = keys.getKeyByKeyId(keyId);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(5)).GET().build();
            RoundTrips.httpCall();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                keys = JWKSet.parse(response.body());
            }
        } catch (IOException | ParseException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.ofNullable(keys.getKeyByKeyId(keyId));
    }
}
