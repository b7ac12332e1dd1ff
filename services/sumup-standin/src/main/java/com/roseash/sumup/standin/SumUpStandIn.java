package com.roseash.sumup.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * SumUp on loopback, in memory: the parts of its Checkouts API that Rose Ash uses, as SumUp's API reference
 * describes them, and the hosted payment page a payer is sent to. For tests and the local stack; nothing leaves
 * the machine (it binds 127.0.0.1).
 *
 * <p>The API ({@code Authorization: Bearer} {@link #apiKey()} on every call):
 * <ul>
 *   <li>{@code POST /v0.1/checkouts}: checkout_reference, amount (a JSON number in major units, no more
 *       decimals than the currency has), currency, merchant_code (must be {@link #merchantCode()}),
 *       description, return_url, redirect_url, hosted_checkout {enabled}; 201 with the checkout, status PENDING
 *       and, when hosted, hosted_checkout_url. A reference used before: 409 {@code DUPLICATED_CHECKOUT}.</li>
 *   <li>{@code GET /v0.1/checkouts/{id}}: the checkout and its transactions; 404 {@code NOT_FOUND}.</li>
 *   <li>{@code GET /v0.1/checkouts?checkout_reference=...}: an array, empty when none has that reference.</li>
 *   <li>{@code POST /v0.1/me/refund/{transaction id}}, optionally {@code {"amount": ...}} (else in full): 204.</li>
 * </ul>
 *
 * <p>Where the stand-in had to choose:
 * <ul>
 *   <li>Decline adds a FAILED transaction but leaves the checkout PENDING, so the payer can pay on a second try.
 *       SumUp's own sandbox has been seen to mark a checkout FAILED after a failed attempt processed through the
 *       API; its documents do not say what Hosted Checkout does on a retry. A consumer must therefore treat
 *       FAILED as "not paid (yet)", never as final, and the stand-in lets the retry path be tested.</li>
 *   <li>A refund marks the transaction REFUNDED (SumUp's transaction status for "refunded in full or in part")
 *       and leaves the checkout PAID: checkout statuses have no refunded value. SumUp's sandbox has been seen to
 *       keep the transaction SUCCESSFUL in the checkout after a refund, so nothing should depend on seeing
 *       REFUNDED there.</li>
 *   <li>Pay and Decline send the webhook before answering the browser, once, and ignore a failed delivery
 *       (SumUp retries). The browser then gets a 303 to redirect_url as given; SumUp's hosted page instead shows
 *       its own result page linking back to it.</li>
 *   <li>Any ISO 4217 currency is accepted (SumUp takes only its merchants' currencies), and a checkout does
 *       not expire by itself ({@link #expire} does what SumUp does after its 30 minutes).</li>
 * </ul>
 */
public final class SumUpStandIn implements AutoCloseable {

    private static final String DEFAULT_MERCHANT = "MSTANDIN";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Notifier notifier;
    private final CheckoutStore store = new CheckoutStore();
    private final ApiHandler api;
    private final HostedPage page;
    private final URI baseUrl;
    private final String apiKey;
    private final String merchantCode;

    private SumUpStandIn(int port, String apiKey, String merchantCode) throws IOException {
        this.apiKey = apiKey;
        this.merchantCode = merchantCode;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.notifier = new Notifier();
        this.api = new ApiHandler(apiKey, merchantCode, store, baseUrl);
        this.page = new HostedPage(store, notifier);
        server.createContext("/v0.1/", api);
        server.createContext(HostedPage.MOUNT, page);
        // Browsers ask every host for one; an answer keeps their consoles free of a 404.
        server.createContext("/favicon.ico", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        // More than one thread: a webhook receiver fetches the checkout while the Pay request still waits on it.
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
    }

    /** On a free loopback port, with a fresh random API key. */
    public static SumUpStandIn start() {
        return start(0);
    }

    /** On {@code port} (0: any free one), with a fresh random API key. */
    public static SumUpStandIn start(int port) {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        return start(port, "sup_sk_standin_" + HexFormat.of().formatHex(secret), DEFAULT_MERCHANT);
    }

    /** With a key and merchant code of the caller's choosing (a local stack's configuration, say). */
    public static SumUpStandIn start(int port, String apiKey, String merchantCode) {
        try {
            return new SumUpStandIn(port, apiKey, merchantCode);
        } catch (IOException e) {
            throw new UncheckedIOException("The SumUp stand-in could not listen on 127.0.0.1:" + port, e);
        }
    }

    /** Where SumUp's {@code https://api.sumup.com} would be: {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return baseUrl;
    }

    public String apiKey() {
        return apiKey;
    }

    public String merchantCode() {
        return merchantCode;
    }

    /** As the payer pressing Pay: PAID, with a SUCCESSFUL transaction, and the webhook sent. */
    public void pay(String checkoutId) {
        requireChanged(checkoutId, page.attempt(checkoutId, true));
    }

    /** As the payer pressing Decline: a FAILED transaction, the checkout still PENDING, and the webhook sent. */
    public void decline(String checkoutId) {
        requireChanged(checkoutId, page.attempt(checkoutId, false));
    }

    /** The checkout's time runs out: EXPIRED, and no longer payable. SumUp sends no webhook here, nor does this. */
    public void expire(String checkoutId) {
        store.expire(checkoutId);
    }

    /** SumUp's webhook body for {@code checkoutId}, POSTed to {@code target}: any id, so tests can forge one. */
    public void sendNotification(URI target, String checkoutId) {
        notifier.send(target, checkoutId);
    }

    /** The next {@code requests} API calls are answered with {@code status} (a 500, say) and change nothing. */
    public void failNext(int requests, int status) {
        api.failNext(requests, status);
    }

    /** Every API call received so far, oldest first (the hosted page's requests are not counted). */
    public List<ReceivedRequest> requests() {
        return api.received();
    }

    public int requestCount() {
        return api.received().size();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
        notifier.close();
    }

    private static void requireChanged(String checkoutId, Optional<CheckoutStore.Attempt> attempt) {
        CheckoutStore.Attempt done = attempt.orElseThrow(
                () -> new IllegalArgumentException("the stand-in has no checkout " + checkoutId));
        if (!done.changed()) {
            throw new IllegalStateException("checkout " + checkoutId + " is " + done.checkout().status()
                    + ": only a PENDING one can be paid or declined");
        }
    }
}
