package com.roseash.cart.sumup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.roseash.platform.money.Money;
import com.roseash.sumup.standin.ReceivedRequest;
import com.roseash.sumup.standin.SumUpStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SumUpClient} against the SumUp stand-in, over real HTTP on loopback. */
class SumUpClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern WIRE_AMOUNT = Pattern.compile("\"amount\":([^,}]+)");

    private SumUpStandIn sumUp;
    private SumUpClient client;

    @BeforeEach
    void start() {
        sumUp = SumUpStandIn.start();
        client = new SumUpClient(sumUp.baseUrl(), sumUp.apiKey(), sumUp.merchantCode(), TIMEOUT);
    }

    @AfterEach
    void stop() {
        sumUp.close();
    }

    @Test
    void createsAHostedCheckoutForTheAmountInMajorUnits() {
        Money price = Money.ofMinor(1250, "GBP");

        Checkout checkout = client.create(request("order-1", price));

        assertThat(lastAmountOnTheWire()).isEqualTo("12.50");
        assertThat(checkout.amount()).isEqualByComparingTo("12.50");
        assertThat(checkout.currency()).isEqualTo("GBP");
        assertThat(checkout.reference()).isEqualTo("order-1");
        assertThat(checkout.status()).isEqualTo(Checkout.Status.PENDING);
        assertThat(checkout.transactions()).isEmpty();
        assertThat(checkout.hostedCheckoutUrl()).contains(sumUp.baseUrl().resolve("/pay/" + checkout.id()));
        assertThat(checkout.isFor(price)).isTrue();
        assertThat(checkout.isFor(Money.ofMinor(1251, "GBP"))).isFalse();
        assertThat(checkout.isFor(Money.ofMinor(1250, "EUR"))).isFalse();
    }

    @Test
    void yenHaveNoMinorUnits() {
        Checkout checkout = client.create(request("order-yen", Money.ofMinor(1200, "JPY")));

        assertThat(lastAmountOnTheWire()).isEqualTo("1200");
        assertThat(checkout.amount()).isEqualByComparingTo("1200");
        assertThat(checkout.isFor(Money.ofMinor(1200, "JPY"))).isTrue();
    }

    @Test
    void anAmountNoDoubleCanHoldStaysExact() {
        // 2^53 + 1 pence: a double has no such number, so any trip through one would change the last digit.
        Money huge = Money.ofMinor(9_007_199_254_740_993L, "GBP");

        Checkout checkout = client.create(request("order-huge", huge));

        assertThat(lastAmountOnTheWire()).isEqualTo("90071992547409.93");
        assertThat(checkout.amount()).isEqualTo(new BigDecimal("90071992547409.93"));
        assertThat(checkout.isFor(huge)).isTrue();
    }

    @Test
    void getsTheCheckoutAsSumUpHasIt() {
        Checkout created = client.create(request("order-1", Money.ofMinor(1250, "GBP")));
        sumUp.pay(created.id());

        Checkout checkout = client.get(created.id());

        assertThat(checkout.id()).isEqualTo(created.id());
        assertThat(checkout.status()).isEqualTo(Checkout.Status.PAID);
        assertThat(checkout.paid()).isTrue();
        Transaction payment = checkout.successfulTransaction().orElseThrow();
        assertThat(payment.amount()).isEqualByComparingTo("12.50");
        assertThat(payment.currency()).isEqualTo("GBP");
        assertThat(payment.code()).isNotBlank();
    }

    @Test
    void aRepeatedReferenceRecoversTheCheckoutSumUpAlreadyHas() {
        CheckoutRequest request = request("order-1", Money.ofMinor(1250, "GBP"));
        Checkout first = client.create(request);

        Checkout again = client.create(request);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.hostedCheckoutUrl()).isEqualTo(first.hostedCheckoutUrl());
        assertThat(sumUp.requests()).extracting(ReceivedRequest::toString).containsExactly(
                "POST /v0.1/checkouts", "POST /v0.1/checkouts", "GET /v0.1/checkouts?checkout_reference=order-1");
    }

    @Test
    void aRepeatedReferenceForAnotherAmountIsRefused() {
        client.create(request("order-1", Money.ofMinor(1250, "GBP")));

        assertThatThrownBy(() -> client.create(request("order-1", Money.ofMinor(1300, "GBP"))))
                .isInstanceOfSatisfying(SumUpRefused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(409);
                    assertThat(refused.errorCode()).isEqualTo("DUPLICATED_CHECKOUT");
                })
                .hasMessageContaining("12.50 GBP").hasMessageContaining("13.00 GBP");
    }

    @Test
    void findsACheckoutByOurReference() {
        String reference = "order 7/ä&x=y";
        Checkout created = client.create(request(reference, Money.ofMinor(500, "EUR")));

        assertThat(client.byReference(reference)).map(Checkout::id).contains(created.id());
        assertThat(client.byReference("order-8")).isEmpty();
    }

    @Test
    void refundsThePayment() {
        Checkout created = client.create(request("order-1", Money.ofMinor(1250, "GBP")));
        sumUp.pay(created.id());
        Transaction payment = client.get(created.id()).successfulTransaction().orElseThrow();

        client.refund(payment.id(), Money.ofMinor(1250, "GBP"));

        assertThat(lastAmountOnTheWire()).isEqualTo("12.50");
        Checkout after = client.get(created.id());
        assertThat(after.status()).isEqualTo(Checkout.Status.PAID);
        assertThat(after.transactions()).extracting(Transaction::id, Transaction::status)
                .containsExactly(tuple(payment.id(), "REFUNDED"));
    }

    @Test
    void aRefundOfMoreThanWasPaidIsRefused() {
        Checkout created = client.create(request("order-1", Money.ofMinor(1250, "GBP")));
        sumUp.pay(created.id());
        String paymentId = client.get(created.id()).successfulTransaction().orElseThrow().id();

        assertThatThrownBy(() -> client.refund(paymentId, Money.ofMinor(1251, "GBP")))
                .isInstanceOfSatisfying(SumUpRefused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.errorCode()).isEqualTo("INVALID");
                });
    }

    @Test
    void aWrongKeyIsRefusedWithoutShowingAnyKey() {
        SumUpClient wrongKey = new SumUpClient(sumUp.baseUrl(), "sup_sk_not_ours", sumUp.merchantCode(), TIMEOUT);

        assertThatThrownBy(() -> wrongKey.create(request("order-1", Money.ofMinor(1250, "GBP"))))
                .isInstanceOfSatisfying(SumUpRefused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(401);
                    assertThat(refused.errorCode()).isEqualTo("NOT_AUTHORIZED");
                })
                .hasMessage("SumUp refused POST /v0.1/checkouts: 401 NOT_AUTHORIZED: invalid access token")
                .hasMessageNotContaining("sup_sk_not_ours").hasMessageNotContaining(sumUp.apiKey());
        assertThat(wrongKey.toString()).doesNotContain("sup_sk_not_ours");
        assertThat(client.toString()).doesNotContain(sumUp.apiKey());
    }

    @Test
    void anotherMerchantsCheckoutIsRefused() {
        SumUpClient otherMerchant = new SumUpClient(sumUp.baseUrl(), sumUp.apiKey(), "MOTHER01", TIMEOUT);

        assertThatThrownBy(() -> otherMerchant.create(request("order-1", Money.ofMinor(1250, "GBP"))))
                .isInstanceOf(SumUpRefused.class).hasMessageContaining("403 FORBIDDEN");
    }

    @Test
    void anUnknownCheckoutIsRefused() {
        assertThatThrownBy(() -> client.get("3fa85f64-5717-4562-b3fc-2c963f66afa6"))
                .isInstanceOfSatisfying(SumUpRefused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(404);
                    assertThat(refused.errorCode()).isEqualTo("NOT_FOUND");
                });
    }

    @Test
    void sumUpDownIsUnavailable() {
        sumUp.close();

        assertThatThrownBy(() -> client.create(request("order-1", Money.ofMinor(1250, "GBP"))))
                .isInstanceOfSatisfying(SumUpUnavailable.class, unavailable -> assertThat(unavailable.status()).isZero())
                .hasMessageContaining("SumUp did not answer POST /v0.1/checkouts");
    }

    @Test
    void aSilentSumUpIsUnavailableAfterTheTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SumUpClient impatient = new SumUpClient(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    sumUp.apiKey(), sumUp.merchantCode(), Duration.ofMillis(300));
            Thread.ofVirtual().start(() -> {
                try (Socket accepted = silent.accept()) {
                    accepted.setSoTimeout(2_000);
                    accepted.getInputStream().readAllBytes();
                } catch (IOException e) {
                    // Never answering is the point; the socket is dropped when the client or the timeout ends it.
                }
            });

            assertThatThrownBy(() -> impatient.get("3fa85f64-5717-4562-b3fc-2c963f66afa6"))
                    .isInstanceOf(SumUpUnavailable.class).hasMessageContaining("timed out");
        }
    }

    @Test
    void aServerErrorIsUnavailableAndChangesNothing() {
        sumUp.failNext(1, 500);
        CheckoutRequest request = request("order-1", Money.ofMinor(1250, "GBP"));

        assertThatThrownBy(() -> client.create(request))
                .isInstanceOfSatisfying(SumUpUnavailable.class,
                        unavailable -> assertThat(unavailable.status()).isEqualTo(500))
                .hasMessageContaining("POST /v0.1/checkouts with 500 INTERNAL_ERROR");
        assertThat(client.create(request).status()).isEqualTo(Checkout.Status.PENDING);
    }

    private static CheckoutRequest request(String reference, Money amount) {
        return new CheckoutRequest(reference, amount, "Rose Ash " + reference, null, null);
    }

    /** The amount exactly as the client wrote it in its last request with a body. */
    private String lastAmountOnTheWire() {
        String body = sumUp.requests().reversed().stream().map(ReceivedRequest::body).filter(each -> !each.isEmpty())
                .findFirst().orElseThrow();
        Matcher amount = WIRE_AMOUNT.matcher(body);
        assertThat(amount.find()).as("an amount in %s", body).isTrue();
        return amount.group(1);
    }
}
