package com.roseash.market.importing;

import java.util.Optional;
import java.util.regex.Pattern;

import com.roseash.platform.money.Money;

/**
 * An amount and currency as pages state them, read exactly or not at all: a price that would need guessing
 * ("1,299" could be a thousand or one; "£12" has no code; "12.999 GBP" has a part of a penny) is no price.
 */
final class Prices {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]");
    /** "1,299.00": commas that group thousands, only when a dot marks the decimals, so they cannot be one. */
    private static final Pattern GROUPED_WITH_DECIMALS = Pattern.compile("\\d{1,3}(,\\d{3})+\\.\\d+");
    private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d+)?");

    private Prices() {
    }

    static Optional<Money> exact(String amount, String currencyCode) {
        if (amount == null || currencyCode == null || currencyCode.isBlank()) {
            return Optional.empty();
        }
        String digits = SPACES.matcher(amount).replaceAll("");
        if (GROUPED_WITH_DECIMALS.matcher(digits).matches()) {
            digits = digits.replace(",", "");
        }
        // Money.parse would take "1e3" or "-5"; neither is how a shop writes a price.
        if (!PLAIN.matcher(digits).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.parse(digits, currencyCode.strip()));
        } catch (IllegalArgumentException notExact) {
            return Optional.empty();
        }
    }
}
