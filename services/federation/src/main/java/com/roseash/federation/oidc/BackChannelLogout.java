package com.roseash.federation.oidc;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jwt.JWTClaimsSet;
import com.roseash.platform.metrics.RoundTrips;

/**
 * Signing out anywhere signs out everywhere: when a federation session ends, every client that has a
 * back-channel endpoint gets a logout token naming that session (OpenID Connect Back-Channel Logout
 * 1.0), and ends its own sessions for it. Clients are called in parallel with a short timeout; one that
 * is down is logged, and its session simply expires.
 */
public final class BackChannelLogout {

    private static final System.Logger LOG = System.getLogger(BackChannelLogout.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String issuer;
    private final SigningKeys keys;
    private final Map<String, URI> endpoints;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();

    /** @param endpoints client id to its back-channel logout URI */
    public BackChannelLogout(String issuer, SigningKeys keys, Map<String, URI> endpoints) {
        this.issuer = issuer;
        this.keys = keys;
        this.endpoints = Map.copyOf(endpoints);
    }

    public void sessionEnded(String sid) {
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> pending = new ArrayList<>();
            endpoints.forEach((clientId, uri) -> pending.add(calls.submit(() -> notify(clientId, uri, sid))));
            for (Future<?> call : pending) {
                try {
                    call.get();
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "Back-channel logout call failed: " + e);
                }
            }
        }
    }

    private void notify(String clientId, URI uri, String sid) {
        Instant now = Instant.now();
        String token = keys.sign(new JWTClaimsSet.Builder()
                .issuer(issuer).audience(clientId).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString())
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                .claim("sid", sid)
                .build());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build();
        try {
            RoundTrips.httpCall();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                LOG.log(Level.WARNING, "Back-channel logout to " + clientId + " answered HTTP " + response.statusCode());
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Back-channel logout to " + clientId + " failed: " + e.getClass().getSimpleName());
        }
    }
}
