package com.roseash.cart.sumup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;

import com.roseash.platform.money.Money;
import org.junit.jupiter.api.Test;

/** Reading and writing SumUp's JSON: exact amounts, and answers that are not quite what was expected. */
class SumUpJsonTest {

    @Test
    void writesTheAmountFromMinorUnitsAsAPlainNumber() {
        String json = SumUpJson.checkoutRequest(new CheckoutRequest("order-1", Money.ofMinor(1000, "EUR"), "Order 1",
                URI.create("https://rose-ash.example/sumup"), URI.create("https://rose-ash.example/orders/1")), "MH4H92C7");

        assertThat(json).isEqualTo("{\"checkout_reference\":\"order-1\",\"amount\":10.00,\"currency\":\"EUR\","
                + "\"merchant_code\":\"MH4H92C7\",\"description\":\"Order 1\",\"return_url\":\"https://rose-ash.example/sumup\","
                + "\"redirect_url\":\"https://rose-ash.example/orders/1\",\"hosted_checkout\":{\"enabled\":true}}");
        assertThat(SumUpJson.refund(Money.ofMinor(1200, "JPY").major())).isEqualTo("{\"amount\":1200}");
    }

    @Test
    void readsAmountsDigitForDigit() {
        Checkout checkout = SumUpJson.checkout(checkout("\"amount\": 10.10", "\"status\": \"PAID\"",
                "\"transactions\": [{\"id\": \"t-1\", \"transaction_code\": \"TEENSK4W2K\", \"amount\": 0.30000000000000004,"
                        + " \"currency\": \"EUR\", \"status\": \"SUCCESSFUL\"}]"));

        assertThat(checkout.amount()).isEqualTo(new BigDecimal("10.10"));
        assertThat(checkout.transactions().getFirst().amount()).isEqualTo(new BigDecimal("0.30000000000000004"));
        assertThat(checkout.isFor(Money.ofMinor(1010, "EUR"))).isTrue();
        assertThat(checkout.hostedCheckoutUrl()).isEmpty();
    }

    @Test
    void aStatusSumUpAddsLaterIsUnrecognizedAndNotPaid() {
        Checkout checkout = SumUpJson.checkout(checkout("\"amount\": 10", "\"status\": \"CANCELLED\""));

        assertThat(checkout.status()).isEqualTo(Checkout.Status.UNRECOGNIZED);
        assertThat(checkout.paid()).isFalse();
        assertThat(Checkout.Status.of("paid")).isEqualTo(Checkout.Status.UNRECOGNIZED);
        assertThat(Checkout.Status.of("UNRECOGNIZED")).isEqualTo(Checkout.Status.UNRECOGNIZED);
    }

    @Test
    void anAmountAsTextIsNotSumUpsApi() {
        assertThatThrownBy(() -> SumUpJson.checkout(checkout("\"amount\": \"10.10\"", "\"status\": \"PAID\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected \"amount\" as a number, got \"10.10\"");
        assertThatThrownBy(() -> SumUpJson.checkout("{\"status\": \"PAID\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected \"id\" as text, got nothing");
        assertThatThrownBy(() -> SumUpJson.checkouts("{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("expected an array of checkouts");
    }

    @Test
    void readsEachOfSumUpsErrorShapes() {
        assertThat(SumUpJson.error("{\"error_code\": \"DUPLICATED_CHECKOUT\", \"message\": \"exists\"}"))
                .isEqualTo(new SumUpJson.Error("DUPLICATED_CHECKOUT", "exists"));
        assertThat(SumUpJson.error("{\"error_code\": \"NOT_AUTHORIZED\", \"error_message\": \"invalid access token\"}"))
                .isEqualTo(new SumUpJson.Error("NOT_AUTHORIZED", "invalid access token"));
        assertThat(SumUpJson.error("{\"title\": \"Conflict\", \"status\": 409, \"detail\": \"already processed\"}"))
                .isEqualTo(new SumUpJson.Error("Conflict", "already processed"));
        assertThat(SumUpJson.error("<html>Bad gateway</html>")).isEqualTo(new SumUpJson.Error(null, "<html>Bad gateway</html>"));
        assertThat(SumUpJson.error("")).isEqualTo(new SumUpJson.Error(null, null));
    }

    private static String checkout(String amount, String status, String... more) {
        return "{\"id\": \"c-1\", \"checkout_reference\": \"order-1\", " + amount + ", \"currency\": \"EUR\", " + status
                + (more.length == 0 ? "" : ", " + String.join(", ", more)) + "}";
    }
}
