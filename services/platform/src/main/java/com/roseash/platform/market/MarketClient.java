package com.roseash.platform.market;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import com.roseash.platform.metrics.RoundTrips;

/**
 * Another service's way to the market ({@link MarketContract}), over the market's internal socket. Prices and
 * stock always come from here, never from the browser.
 */
public final class MarketClient {

    private final String base;
    private final Duration timeout;
    private final HttpClient http;

    /** @param internalUrl the market's internal socket ({@code rose-ash.internal-url.market}) */
    public MarketClient(String internalUrl, Duration timeout) {
        this(internalUrl, MarketContract.MOUNT, timeout);
    }

    /** A seller serving the contract at {@code mount}: the market's, or events' {@link MarketContract#TICKETS_MOUNT}. */
    public MarketClient(String internalUrl, String mount, Duration timeout) {
        this.base = internalUrl.replaceAll("/+$", "") + mount;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** The published products among {@code slugs}; one missing from the answer is not for sale. */
    public List<Offer> offers(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        String query = slugs.stream().map(slug -> "slug=" + URLEncoder.encode(slug, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(MarketContract.OFFERS + "?" + query))
                .GET());
        expect(response, 200);
        return MarketJson.readOffers(response.body());
    }

    /** Holds the order's stock, all or nothing; asked again for the same order, the same answer. */
    public Reservation reserve(ReservationRequest request) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(MarketContract.RESERVATIONS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MarketJson.request(request))));
        if (response.statusCode() != 200 && response.statusCode() != 409) {
            expect(response, 200);
        }
        return MarketJson.readReservation(response.body());
    }

    /** Gives back what the order holds; false when it held nothing or was given back before. */
    public boolean release(String orderId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(MarketContract.RESERVATIONS + "/"
                + URLEncoder.encode(orderId, StandardCharsets.UTF_8) + MarketContract.RELEASE))
                .POST(HttpRequest.BodyPublishers.noBody()));
        expect(response, 200);
        return response.body().contains("\"released\":true");
    }

    /** An address under the seller's mount; a seller whose internal URL is not configured cannot be asked. */
    private URI uri(String pathAndQuery) {
        URI uri = URI.create(base + pathAndQuery);
        if (!uri.isAbsolute()) {
            throw new MarketUnavailable("The seller's internal URL is not configured (" + base + ")");
        }
        return uri;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        RoundTrips.httpCall();
        try {
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new MarketUnavailable("The market did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketUnavailable("Interrupted while asking the market", e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new MarketUnavailable("The market answered " + response.statusCode() + " to " + response.request().uri()
                    + ": " + response.body());
        }
    }
}
