package com.roseash.platform.money;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void amountsAreParsedExactlyIntoMinorUnits() {
        assertThat(Money.parse("12.5", "GBP").minorUnits()).isEqualTo(1250);
        assertThat(Money.parse(" 0.10 ", "eur").minorUnits()).isEqualTo(10);
        assertThat(Money.parse("1200", "JPY").minorUnits()).isEqualTo(1200);
        assertThat(Money.parse("1.234", "KWD").minorUnits()).as("three minor digits").isEqualTo(1234);
        // The classic float trap: 0.1 + 0.2 is 0.3 here.
        assertThat(Money.parse("0.1", "GBP").plus(Money.parse("0.2", "GBP"))).isEqualTo(Money.parse("0.3", "GBP"));
    }

    @Test
    void nothingIsRoundedAwayOrGuessed() {
        assertThatThrownBy(() -> Money.parse("12.505", "GBP")).hasMessageContaining("minor units of GBP");
        assertThatThrownBy(() -> Money.parse("12.5", "JPY")).hasMessageContaining("whole number of JPY");
        assertThatThrownBy(() -> Money.parse("twelve", "GBP")).hasMessageContaining("not an amount");
        assertThatThrownBy(() -> Money.parse("1", "POUNDS")).hasMessageContaining("not an ISO 4217 currency code");
        assertThatThrownBy(() -> Money.parse("1", "XXX")).hasMessageContaining("not a currency");
        assertThatThrownBy(() -> Money.parse("1e30", "GBP")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sumsAndProductsAreExactAndRefuseMixedCurrenciesAndOverflow() {
        Money price = Money.ofMinor(1999, "GBP");

        assertThat(price.times(3)).isEqualTo(Money.ofMinor(5997, "GBP"));
        assertThat(price.plus(Money.ofMinor(1, "GBP")).major()).isEqualByComparingTo(new BigDecimal("20.00"));
        assertThatThrownBy(() -> price.plus(Money.ofMinor(1, "EUR"))).hasMessageContaining("cannot add EUR to GBP");
        assertThatThrownBy(() -> Money.ofMinor(Long.MAX_VALUE, "GBP").times(2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void majorUnitsAndDisplayKeepEveryMinorDigit() {
        assertThat(Money.ofMinor(1250, "GBP").major().toPlainString()).isEqualTo("12.50");
        assertThat(Money.ofMinor(5, "EUR").major().toPlainString()).isEqualTo("0.05");
        assertThat(Money.ofMinor(1200, "JPY").major().toPlainString()).isEqualTo("1200");
        assertThat(Money.ofMinor(1250, "GBP").display()).isEqualTo("£12.50");
        assertThat(Money.ofMinor(300, "EUR").display()).isEqualTo("€3.00");
        assertThat(Money.ofMinor(1200, "JPY").display()).isEqualTo("JP¥1,200");
        assertThat(Money.ofMinor(1250, "GBP")).hasToString("12.50 GBP");
    }
}
