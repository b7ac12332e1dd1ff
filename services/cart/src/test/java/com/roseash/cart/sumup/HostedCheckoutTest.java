package com.roseash.cart.sumup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.roseash.platform.money.Money;
import com.roseash.sumup.standin.SumUpStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The payer's path through the stand-in's hosted page, as a browser takes it (one that does not follow the
 * redirect back), with our webhook receiving SumUp's notifications and the client checking what they claim.
 */
class HostedCheckoutTest {

    /** Where the browser is sent back to; never followed here. */
    private static final URI BACK = URI.create("http://127.0.0.1:9/orders/1/payment");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private SumUpStandIn sumUp;
    private SumUpClient client;
    private WebhookReceiver webhook;
    private HttpClient browser;

    @BeforeEach
    void start() {
        sumUp = SumUpStandIn.start();
        client = new SumUpClient(sumUp.baseUrl(), sumUp.apiKey(), sumUp.merchantCode(), TIMEOUT);
        webhook = new WebhookReceiver();
        browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterEach
    void stop() {
        browser.close();
        webhook.close();
        sumUp.close();
    }

    @Test
    void payingSendsThePayerBackAndNotifiesUs() throws Exception {
        Checkout checkout = client.create(new CheckoutRequest("order-1", Money.ofMinor(1250, "GBP"), "Rose Ash order 1",
                webhook.url(), BACK));
        HttpResponse<String> page = get(checkout.hostedCheckoutUrl().orElseThrow());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Pay 12.50 GBP", "<code>order-1</code>", "Rose Ash order 1");

        HttpResponse<String> paid = press(page, "Pay");

        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location")).contains(BACK.toString());
        SumUpNotification notification = SumUpNotification.parse(webhook.next());
        assertThat(notification.checkoutId()).isEqualTo(checkout.id());
        Checkout after = client.get(notification.checkoutId());
        assertThat(after.status()).isEqualTo(Checkout.Status.PAID);
        assertThat(after.successfulTransaction().orElseThrow().amount()).isEqualByComparingTo("12.50");
        assertThat(webhook.quiet()).isTrue();
    }

    @Test
    void aDeclinedPaymentStaysPendingAndCanBeTriedAgain() throws Exception {
        Checkout checkout = client.create(new CheckoutRequest("order-1", Money.ofMinor(1250, "GBP"), null,
                webhook.url(), BACK));
        URI hosted = checkout.hostedCheckoutUrl().orElseThrow();

        HttpResponse<String> declined = press(get(hosted), "Decline");

        assertThat(declined.statusCode()).isEqualTo(303);
        assertThat(declined.headers().firstValue("Location")).contains(BACK.toString());
        assertThat(SumUpNotification.parse(webhook.next()).checkoutId()).isEqualTo(checkout.id());
        Checkout afterDecline = client.get(checkout.id());
        assertThat(afterDecline.status()).isEqualTo(Checkout.Status.PENDING);
        assertThat(afterDecline.transactions()).extracting(Transaction::status).containsExactly("FAILED");
        assertThat(afterDecline.successfulTransaction()).isEmpty();

        HttpResponse<String> secondTry = get(hosted);
        assertThat(secondTry.body()).contains("The last attempt was declined");
        assertThat(press(secondTry, "Pay").statusCode()).isEqualTo(303);

        assertThat(SumUpNotification.parse(webhook.next()).checkoutId()).isEqualTo(checkout.id());
        Checkout afterPay = client.get(checkout.id());
        assertThat(afterPay.status()).isEqualTo(Checkout.Status.PAID);
        assertThat(afterPay.transactions()).extracting(Transaction::status).containsExactly("FAILED", "SUCCESSFUL");
    }

    @Test
    void withoutARedirectUrlThePayerSeesTheResult() throws Exception {
        Checkout checkout = client.create(new CheckoutRequest("order-1", Money.ofMinor(1200, "JPY"), null, null, null));
        HttpResponse<String> page = get(checkout.hostedCheckoutUrl().orElseThrow());
        assertThat(page.body()).contains("Pay 1200 JPY");

        HttpResponse<String> paid = press(page, "Pay");

        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(paid.body()).contains("Payment successful", "1200 JPY paid");
        assertThat(client.get(checkout.id()).paid()).isTrue();
    }

    @Test
    void aPaidCheckoutIsNotChargedTwice() throws Exception {
        Checkout checkout = client.create(new CheckoutRequest("order-1", Money.ofMinor(1250, "GBP"), null,
                webhook.url(), BACK));
        HttpResponse<String> page = get(checkout.hostedCheckoutUrl().orElseThrow());
        press(page, "Pay");
        webhook.next();

        HttpResponse<String> again = press(page, "Pay");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("nothing was charged");
        assertThat(client.get(checkout.id()).transactions()).hasSize(1);
        assertThat(webhook.quiet()).isTrue();
    }

    @Test
    void anExpiredCheckoutCannotBePaid() throws Exception {
        Checkout checkout = client.create(new CheckoutRequest("order-1", Money.ofMinor(1250, "GBP"), null,
                webhook.url(), BACK));
        HttpResponse<String> page = get(checkout.hostedCheckoutUrl().orElseThrow());

        sumUp.expire(checkout.id());

        assertThat(client.get(checkout.id()).status()).isEqualTo(Checkout.Status.EXPIRED);
        assertThat(get(checkout.hostedCheckoutUrl().orElseThrow()).body()).contains("This checkout is EXPIRED")
                .doesNotContain("<form");
        assertThat(press(page, "Pay").statusCode()).isEqualTo(409);
        assertThat(client.get(checkout.id()).transactions()).isEmpty();
        assertThat(webhook.quiet()).isTrue();
    }

    @Test
    void aNotificationIsOnlyAHint() throws Exception {
        Checkout pending = client.create(new CheckoutRequest("order-1", Money.ofMinor(1250, "GBP"), null,
                webhook.url(), BACK));

        sumUp.sendNotification(webhook.url(), pending.id());
        sumUp.sendNotification(webhook.url(), "4c2a8b8e-0000-4000-8000-000000000000");

        SumUpNotification aboutPending = SumUpNotification.parse(webhook.next());
        assertThat(client.get(aboutPending.checkoutId()).paid()).isFalse();
        SumUpNotification aboutNothing = SumUpNotification.parse(webhook.next());
        assertThatThrownBy(() -> client.get(aboutNothing.checkoutId()))
                .isInstanceOfSatisfying(SumUpRefused.class, refused -> assertThat(refused.status()).isEqualTo(404));
    }

    private HttpResponse<String> get(URI url) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Submits the page's form whose only button says {@code button}, as a browser would. */
    private HttpResponse<String> press(HttpResponse<String> page, String button) throws IOException, InterruptedException {
        Matcher form = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"><button type=\"submit\">" + button
                + "</button></form>").matcher(page.body());
        assertThat(form.find()).as("a %s button on %s", button, page.body()).isTrue();
        URI action = page.uri().resolve(form.group(1));
        return browser.send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
