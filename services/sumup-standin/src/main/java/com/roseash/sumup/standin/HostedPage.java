package com.roseash.sumup.standin;

import java.io.IOException;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The payer's side: the page at a checkout's hosted_checkout_url, with a Pay and a Decline button (plain forms).
 * After either, SumUp's webhook goes to the checkout's return_url, then the browser is sent (303) to its
 * redirect_url, or shown the result when there is none.
 */
final class HostedPage implements HttpHandler {

    static final String MOUNT = "/pay/";
    private static final Pattern PAGE = Pattern.compile("/pay/([A-Za-z0-9-]+)(/pay|/decline)?");

    private final CheckoutStore store;
    private final Notifier notifier;

    HostedPage(CheckoutStore store, Notifier notifier) {
        this.store = store;
        this.notifier = notifier;
    }

    static URI url(URI base, String checkoutId) {
        return base.resolve(MOUNT + checkoutId);
    }

    /** The payer pays or declines; the webhook is sent when the checkout changed. Empty for an unknown id. */
    Optional<CheckoutStore.Attempt> attempt(String checkoutId, boolean approved) {
        Optional<CheckoutStore.Attempt> attempt = store.attempt(checkoutId, approved);
        attempt.filter(CheckoutStore.Attempt::changed).map(CheckoutStore.Attempt::checkout)
                .filter(checkout -> checkout.returnUrl() != null)
                .ifPresent(checkout -> notifier.send(checkout.returnUrl(), checkout.id()));
        return attempt;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Matcher matcher = PAGE.matcher(exchange.getRequestURI().getRawPath());
            Optional<StandInCheckout> found = matcher.matches() ? store.find(matcher.group(1)) : Optional.empty();
            if (found.isEmpty() || !found.get().hosted()) {
                html(exchange, 404, "Not found", "<p>There is no such checkout.</p>");
                return;
            }
            String action = matcher.group(2);
            String method = exchange.getRequestMethod();
            if (action == null && method.equals("GET")) {
                page(exchange, found.get());
            } else if (action != null && method.equals("POST")) {
                submitted(exchange, found.get().id(), action.equals("/pay"));
            } else {
                exchange.getResponseHeaders().set("Allow", action == null ? "GET" : "POST");
                html(exchange, 405, "Method not allowed", "<p>Use the buttons on the payment page.</p>");
            }
        }
    }

    private static void page(HttpExchange exchange, StandInCheckout checkout) throws IOException {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Pay ").append(escape(amount(checkout))).append("</h1>\n")
                .append("<p>Reference: <code>").append(escape(checkout.reference())).append("</code></p>\n");
        if (checkout.description() != null) {
            body.append("<p>").append(escape(checkout.description())).append("</p>\n");
        }
        if (!checkout.status().equals(StandInCheckout.PENDING)) {
            body.append("<p>This checkout is ").append(checkout.status()).append(": it cannot be paid here.</p>\n");
            html(exchange, 200, "SumUp stand-in", body.toString());
            return;
        }
        if (checkout.lastAttemptFailed()) {
            body.append("<p role=\"alert\">The last attempt was declined. You can try again.</p>\n");
        }
        String action = MOUNT + checkout.id();
        body.append("<form method=\"post\" action=\"").append(action).append("/pay\"><button type=\"submit\">Pay</button>")
                .append("</form>\n")
                .append("<form method=\"post\" action=\"").append(action).append("/decline\"><button type=\"submit\">")
                .append("Decline</button></form>\n");
        html(exchange, 200, "SumUp stand-in", body.toString());
    }

    private void submitted(HttpExchange exchange, String checkoutId, boolean approved) throws IOException {
        CheckoutStore.Attempt attempt = attempt(checkoutId, approved).orElseThrow();
        StandInCheckout checkout = attempt.checkout();
        if (!attempt.changed()) {
            html(exchange, 409, "Not charged", "<p>This checkout is " + checkout.status() + ": nothing was charged.</p>");
            return;
        }
        if (checkout.redirectUrl() != null) {
            exchange.getResponseHeaders().set("Location", checkout.redirectUrl().toString());
            exchange.sendResponseHeaders(303, -1);
            return;
        }
        if (approved) {
            html(exchange, 200, "Paid", "<h1>Payment successful</h1>\n<p>" + escape(amount(checkout)) + " paid.</p>");
        } else {
            html(exchange, 200, "Declined", "<h1>Payment declined</h1>\n<p><a href=\"" + MOUNT + checkout.id()
                    + "\">Try again</a></p>");
        }
    }

    private static String amount(StandInCheckout checkout) {
        int digits = Currency.getInstance(checkout.currency()).getDefaultFractionDigits();
        return checkout.amount().setScale(digits, RoundingMode.UNNECESSARY).toPlainString() + " " + checkout.currency();
    }

    private static void html(HttpExchange exchange, int status, String title, String body) throws IOException {
        byte[] bytes = ("<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body>\n" + body + "\n</body>\n</html>\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
