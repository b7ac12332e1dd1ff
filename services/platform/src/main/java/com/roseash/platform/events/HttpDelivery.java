package com.roseash.platform.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.roseash.platform.metrics.RoundTrips;

/** POSTs an event, as {@link EventJson}, to a subscriber's endpoint; a 2xx acknowledges it. */
final class HttpDelivery {

    /** Carries the event id, so a subscriber's access log and ours can be matched. */
    static final String EVENT_ID_HEADER = "X-Rose-Ash-Event";

    private final HttpClient client;
    private final OutboxSettings settings;

    HttpDelivery(OutboxSettings settings) {
        this.settings = settings;
        // HTTP/1.1: subscribers are our own services' internal sockets; no h2c upgrade dance on every connection.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
    }

    DeliveryAttempt deliver(URI endpoint, DomainEvent event) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header(EVENT_ID_HEADER, event.id().toString())
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.write(event)))
                .build();
        RoundTrips.httpCall();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return DeliveryAttempt.ok();
            }
            return DeliveryAttempt.failed("HTTP " + response.statusCode() + " from " + endpoint + ": "
                    + response.body().strip());
        } catch (IOException e) {
            return DeliveryAttempt.failed(e.getClass().getSimpleName() + " from " + endpoint
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryAttempt.failed("interrupted");
        }
    }
}
