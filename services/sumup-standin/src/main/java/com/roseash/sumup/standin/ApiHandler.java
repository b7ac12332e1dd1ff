package com.roseash.sumup.standin;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * SumUp's API under {@code /v0.1}: create, retrieve and list checkouts, and refund a transaction. Every request
 * needs the stand-in's key as a Bearer token, as SumUp's API keys are sent.
 */
final class ApiHandler implements HttpHandler {

    /** A JSON answer; 204 has no body. */
    private record Answer(int status, String json) {
    }

    private static final String CHECKOUTS = "/v0.1/checkouts";
    private static final Pattern ONE_CHECKOUT = Pattern.compile("/v0\\.1/checkouts/([^/]+)");
    private static final Pattern REFUND = Pattern.compile("/v0\\.1/me/refund/([^/]+)");
    /** SumUp's CheckoutCreateRequest: "maxLength 64". */
    private static final int REFERENCE_MAX = 64;

    private final byte[] expectedAuthorization;
    private final String merchantCode;
    private final CheckoutStore store;
    private final URI base;
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 500;

    ApiHandler(String apiKey, String merchantCode, CheckoutStore store, URI base) {
        this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
        this.merchantCode = merchantCode;
        this.store = store;
        this.base = base;
    }

    List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    void failNext(int requests, int status) {
        failureStatus = status;
        failuresLeft.set(requests);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new ReceivedRequest(method, query == null ? path : path + "?" + query, body));
            Answer answer;
            try {
                answer = answer(exchange, method, path, query, body);
            } catch (ApiRefusal refusal) {
                answer = new Answer(refusal.status(), refusal.body().toString());
            }
            write(exchange, answer);
        }
    }

    private Answer answer(HttpExchange exchange, String method, String path, String query, String body) {
        if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw ApiRefusal.outage(failureStatus);
        }
        authorize(exchange.getRequestHeaders().getFirst("Authorization"));
        if (path.equals(CHECKOUTS)) {
            return switch (method) {
                case "POST" -> new Answer(201, StandInJson.checkout(create(body), base).toString());
                case "GET" -> new Answer(200, StandInJson.checkouts(store.list(parameter(query, "checkout_reference")),
                        base).toString());
                default -> throw ApiRefusal.methodNotAllowed();
            };
        }
        Matcher checkout = ONE_CHECKOUT.matcher(path);
        if (checkout.matches()) {
            if (!method.equals("GET")) {
                throw ApiRefusal.methodNotAllowed();
            }
            StandInCheckout found = store.find(decode(checkout.group(1))).orElseThrow(ApiRefusal::notFound);
            return new Answer(200, StandInJson.checkout(found, base).toString());
        }
        Matcher refund = REFUND.matcher(path);
        if (refund.matches()) {
            if (!method.equals("POST")) {
                throw ApiRefusal.methodNotAllowed();
            }
            store.refund(decode(refund.group(1)), refundAmount(body));
            return new Answer(204, null);
        }
        throw ApiRefusal.notFound();
    }

    private void authorize(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiRefusal.missingToken();
        }
        if (!MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), expectedAuthorization)) {
            throw ApiRefusal.invalidToken();
        }
    }

    private StandInCheckout create(String body) {
        JsonNode json = StandInJson.read(body);
        if (!json.isObject()) {
            throw ApiRefusal.invalid("body", "Request body must be a JSON object");
        }
        String reference = text(json, "checkout_reference", true);
        if (reference.length() > REFERENCE_MAX) {
            throw ApiRefusal.invalid("checkout_reference", "checkout_reference is longer than " + REFERENCE_MAX);
        }
        Currency currency = currency(text(json, "currency", true));
        BigDecimal amount = amount(json.get("amount"), currency);
        String merchant = text(json, "merchant_code", true);
        if (!merchant.equals(merchantCode)) {
            throw ApiRefusal.forbidden("merchant_code " + merchant + " is not the merchant of this API key");
        }
        boolean hosted = json.path("hosted_checkout").path("enabled").asBoolean(false);
        return store.create(reference, amount, currency.getCurrencyCode(), merchant, text(json, "description", false),
                url(json, "return_url"), url(json, "redirect_url"), hosted);
    }

    /** The refund's amount, or null for "all of it" (no body, or a body without an amount). */
    private static BigDecimal refundAmount(String body) {
        if (body.isBlank()) {
            return null;
        }
        JsonNode json = StandInJson.read(body);
        JsonNode amount = json.get("amount");
        if (amount == null || amount.isNull()) {
            return null;
        }
        if (!amount.isNumber() || amount.decimalValue().signum() <= 0) {
            throw ApiRefusal.invalid("amount", "amount must be a number greater than zero");
        }
        return amount.decimalValue();
    }

    /** SumUp's amount: a JSON number in major units, never a string, with no more decimals than the currency has. */
    private static BigDecimal amount(JsonNode node, Currency currency) {
        if (node == null || node.isNull()) {
            throw ApiRefusal.missing("amount");
        }
        if (!node.isNumber()) {
            throw ApiRefusal.invalid("amount", "amount must be a number");
        }
        BigDecimal amount = node.decimalValue();
        if (amount.signum() <= 0) {
            throw ApiRefusal.invalid("amount", "amount must be greater than zero");
        }
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw ApiRefusal.invalid("amount", "amount " + amount.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " has");
        }
        return amount;
    }

    private static Currency currency(String code) {
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                throw ApiRefusal.invalid("currency", code + " is not a currency payments are made in");
            }
            return currency;
        } catch (IllegalArgumentException e) {
            throw ApiRefusal.invalid("currency", code + " is not an ISO 4217 currency code");
        }
    }

    private static String text(JsonNode json, String field, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            if (required) {
                throw ApiRefusal.missing(field);
            }
            return null;
        }
        if (!node.isTextual()) {
            throw ApiRefusal.invalid(field, field + " must be a string");
        }
        return node.asText();
    }

    private static URI url(JsonNode json, String field) {
        String text = text(json, field, false);
        if (text == null) {
            return null;
        }
        try {
            URI url = new URI(text);
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw ApiRefusal.invalid(field, field + " must be an absolute http(s) URL");
            }
            return url;
        } catch (URISyntaxException e) {
            throw ApiRefusal.invalid(field, field + " is not a URL");
        }
    }

    private static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (key.equals(name)) {
                return equals < 0 ? "" : decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void write(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.json() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
