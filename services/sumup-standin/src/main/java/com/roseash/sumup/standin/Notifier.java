package com.roseash.sumup.standin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends SumUp's webhook, {@code {"event_type": "CHECKOUT_STATUS_CHANGED", "id": "..."}}, to a checkout's
 * return_url. Sent before the payer's browser is redirected, so a test sees it by the time the redirect arrives.
 * A failed delivery is dropped: SumUp retries, the stand-in does not (nothing relies on it yet).
 */
final class Notifier implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
            .build();

    void send(URI target, String checkoutId) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(StandInJson.notification(checkoutId)))
                .build();
        try {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // Dropped on purpose: a receiver that is down misses this one, as it would miss SumUp's first try.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
