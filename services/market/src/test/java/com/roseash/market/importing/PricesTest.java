package com.roseash.market.importing;

import com.roseash.platform.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A page's price is read exactly or not at all; only whitespace and unambiguous thousands commas are tidied. */
class PricesTest {

    @Test
    void plainAmountsAreReadInTheirCurrency() {
        assertThat(Prices.exact("24.00", "GBP")).contains(Money.ofMinor(2400, "GBP"));
        assertThat(Prices.exact("24", "gbp")).contains(Money.ofMinor(2400, "GBP"));
        assertThat(Prices.exact("12800", "JPY")).contains(Money.ofMinor(12800, "JPY"));
    }

    @Test
    void whitespaceAndAThousandsSeparatorBeforeADotDecimalAreTidied() {
        assertThat(Prices.exact(" 1,299.00 ", "GBP")).contains(Money.ofMinor(129900, "GBP"));
        assertThat(Prices.exact("1\u00A0299.50", "EUR")).contains(Money.ofMinor(129950, "EUR"));
        assertThat(Prices.exact("1,234,567.89", "USD")).contains(Money.ofMinor(123456789, "USD"));
    }

    @Test
    void anythingAmbiguousOrInexactIsNoPrice() {
        assertThat(Prices.exact("1,299", "GBP")).as("a thousand, or one and a bit").isEmpty();
        assertThat(Prices.exact("29,99", "EUR")).as("a decimal comma").isEmpty();
        assertThat(Prices.exact("12,99.00", "GBP")).as("commas not grouping thousands").isEmpty();
        assertThat(Prices.exact("29.999", "GBP")).as("part of a penny").isEmpty();
        assertThat(Prices.exact("1200.5", "JPY")).as("part of a yen").isEmpty();
        assertThat(Prices.exact("£29.99", "GBP")).isEmpty();
        assertThat(Prices.exact("-5.00", "GBP")).isEmpty();
        assertThat(Prices.exact("1e3", "GBP")).isEmpty();
        assertThat(Prices.exact("29.99", "")).isEmpty();
        assertThat(Prices.exact("29.99", null)).isEmpty();
        assertThat(Prices.exact("29.99", "POUNDS")).isEmpty();
        assertThat(Prices.exact("", "GBP")).isEmpty();
    }
}
