package com.roseash.cart.sumup;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import com.roseash.platform.metrics.RoundTrips;
import com.roseash.platform.money.Money;

/**
 * SumUp's Checkouts API (https://developer.sumup.com/api), as Rose Ash uses it: create a hosted checkout, read it
 * back, find it by our reference, refund its payment. Authenticated with a secret API key as a Bearer token; the
 * key is never logged, put in a message or shown by {@link #toString()}.
 *
 * <p>Answers: a 2xx is read; a 4xx is {@link SumUpRefused} (except the 409 that {@link #create} recovers from);
 * no answer, a 5xx or anything unexpected is {@link SumUpUnavailable}.
 */
public final class SumUpClient {

    private static final String CHECKOUTS = "/v0.1/checkouts";
    private static final String REFUND = "/v0.1/me/refund/";
    private static final String DUPLICATED_CHECKOUT = "DUPLICATED_CHECKOUT";

    private final URI base;
    private final String apiKey;
    private final String merchantCode;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param baseUrl      {@code https://api.sumup.com}, or a stand-in's
     * @param apiKey       the merchant's secret key ({@code sup_sk_...})
     * @param merchantCode the merchant every checkout pays
     * @param timeout      for connecting, and for each whole request
     */
    public SumUpClient(URI baseUrl, String apiKey, String merchantCode, Duration timeout) {
        this.base = URI.create(Objects.requireNonNull(baseUrl, "baseUrl").toString().replaceAll("/+$", ""));
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.merchantCode = Objects.requireNonNull(merchantCode, "merchantCode");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * A new hosted checkout for {@code request}. Asked again for the same reference (a retry after a timeout, a
     * double click), SumUp answers 409 DUPLICATED_CHECKOUT; the checkout it already has is then found by reference
     * and returned, but only when it collects exactly the same amount: a different one is {@link SumUpRefused},
     * as reusing it would charge the payer something else.
     */
    public Checkout create(CheckoutRequest request) {
        String operation = "POST " + CHECKOUTS;
        HttpResponse<String> response = send(operation, CHECKOUTS, SumUpJson.checkoutRequest(request, merchantCode));
        if (response.statusCode() == 409 && DUPLICATED_CHECKOUT.equals(SumUpJson.error(response.body()).code())) {
            return existing(request);
        }
        return read(operation, response, SumUpJson::checkout);
    }

    /** The checkout as SumUp has it now: the only thing to believe about whether it was paid. */
    public Checkout get(String checkoutId) {
        String path = CHECKOUTS + "/" + segment(checkoutId);
        String operation = "GET " + path;
        return read(operation, send(operation, path, null), SumUpJson::checkout);
    }

    /** The checkout with our {@code reference}, if SumUp has one. */
    public Optional<Checkout> byReference(String reference) {
        String path = CHECKOUTS + "?checkout_reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8);
        String operation = "GET " + path;
        List<Checkout> found = read(operation, send(operation, path, null), SumUpJson::checkouts).stream()
                .filter(checkout -> checkout.reference().equals(reference)).toList();
        if (found.size() > 1) {
            throw new SumUpUnavailable("SumUp lists " + found.size() + " checkouts with reference " + reference
                    + " (" + operation + "); a reference should name one", 200);
        }
        return found.stream().findFirst();
    }

    /**
     * Refunds {@code amount} of a payment (all of it, or part), in the transaction's currency. SumUp answers 204
     * and nothing else: read the checkout or transaction afterwards to see it.
     */
    public void refund(String transactionId, Money amount) {
        if (amount.minorUnits() <= 0) {
            throw new IllegalArgumentException("a refund gives back more than nothing, not " + amount);
        }
        String path = REFUND + segment(transactionId);
        String operation = "POST " + path;
        read(operation, send(operation, path, SumUpJson.refund(amount.major())), body -> body);
    }

    @Override
    public String toString() {
        return "SumUpClient[" + base + ", merchant " + merchantCode + "]";
    }

    private Checkout existing(CheckoutRequest request) {
        Checkout existing = byReference(request.reference()).orElseThrow(() -> new SumUpUnavailable(
                "SumUp answered " + DUPLICATED_CHECKOUT + " for reference " + request.reference()
                        + " but lists no checkout with it", 409));
        if (!existing.isFor(request.amount())) {
            throw new SumUpRefused("POST " + CHECKOUTS, 409, DUPLICATED_CHECKOUT, "checkout reference "
                    + request.reference() + " already collects " + existing.amount().toPlainString() + " "
                    + existing.currency() + ", not " + request.amount() + ": it is not reused");
        }
        return existing;
    }

    private HttpResponse<String> send(String operation, String pathAndQuery, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        RoundTrips.httpCall();
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SumUpUnavailable("SumUp did not answer " + operation + " at " + base + ": " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SumUpUnavailable("Interrupted while waiting for SumUp to answer " + operation, 0, e);
        }
    }

    /** A 2xx answer's body as a {@code T}; everything else as the exception it stands for. */
    private static <T> T read(String operation, HttpResponse<String> response, Function<String, T> reader) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return reader.apply(response.body());
            } catch (IllegalArgumentException e) {
                throw new SumUpUnavailable("SumUp's answer to " + operation + " is not what its API says: "
                        + e.getMessage(), status, e);
            }
        }
        SumUpJson.Error error = SumUpJson.error(response.body());
        if (status >= 400 && status < 500) {
            throw new SumUpRefused(operation, status, error.code(), error.message());
        }
        throw new SumUpUnavailable("SumUp answered " + operation + " with " + status
                + (error.code() == null ? "" : " " + error.code())
                + (error.message() == null ? "" : ": " + error.message()), status);
    }

    /** One path segment: an id from anywhere (a notification, say) cannot change which resource is asked for. */
    private static String segment(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a SumUp id is not blank");
        }
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
