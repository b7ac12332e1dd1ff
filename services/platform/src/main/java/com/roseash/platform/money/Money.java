package com.roseash.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of money: whole minor units (pence, cents; yen have none) of an ISO 4217 currency. Never a
 * {@code float} or {@code double}: prices are summed, multiplied and sent to payment providers exactly, and
 * converted to major units (what SumUp's API takes) only through {@link BigDecimal}.
 */
public record Money(long minorUnits, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " is not a currency money can be counted in");
        }
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public static Money ofMinor(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currency(currencyCode));
    }

    /**
     * Parses an amount in major units as people and shops write it ({@code "12.5"}, {@code "1200"}); refused
     * when it has more decimals than the currency has minor units, so nothing is ever rounded away.
     */
    public static Money parse(String amount, String currencyCode) {
        Currency currency = currency(currencyCode);
        BigDecimal major;
        try {
            major = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + amount + "\" is not an amount of money");
        }
        int digits = currency.getDefaultFractionDigits();
        try {
            BigDecimal minor = major.setScale(digits, RoundingMode.UNNECESSARY).movePointRight(digits);
            return new Money(minor.longValueExact(), currency);
        } catch (ArithmeticException e) {
            String unit = digits == 0 ? currency.getCurrencyCode() : "minor units of " + currency.getCurrencyCode();
            throw new IllegalArgumentException("\"" + amount + "\" is not a whole number of " + unit);
        }
    }

    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minorUnits, quantity), currency);
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    /** The amount in major units, exactly: 1250 pence is 12.50. */
    public BigDecimal major() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    /** For people: {@code £12.50}, {@code €3.00}, {@code ¥1,200}. */
    public String display() {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(major());
    }

    @Override
    public String toString() {
        return major().toPlainString() + " " + currency.getCurrencyCode();
    }

    private void sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot add " + other.currency.getCurrencyCode() + " to " + currency.getCurrencyCode());
        }
    }

    private static Currency currency(String code) {
        Currency currency;
        try {
            currency = Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("\"" + code + "\" is not an ISO 4217 currency code");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " is not a currency money can be counted in");
        }
        return currency;
    }
}
