package com.roseash.cart.sumup;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.roseash.platform.money.Money;

/**
 * A SumUp checkout: a request to collect an amount, and the payment attempts made on it.
 *
 * @param amount            in major units, exactly as SumUp wrote it (never through a double)
 * @param hostedCheckoutUrl the page to send the payer to; empty when SumUp gave none (a checkout created
 *                          without Hosted Checkout, or one whose listing leaves it out)
 */
public record Checkout(String id, String reference, BigDecimal amount, String currency, Status status,
                       Optional<URI> hostedCheckoutUrl, List<Transaction> transactions) {

    /**
     * SumUp's checkout statuses. A status SumUp adds later reads as {@link #UNRECOGNIZED} rather than failing: a
     * webhook or a status check must not break on it, and since it is not {@link #PAID}, nothing treats the
     * checkout as paid.
     */
    public enum Status {
        PENDING, PAID, FAILED, EXPIRED, UNRECOGNIZED;

        /** SumUp's status text, as SumUp writes it (upper case); anything else is {@link #UNRECOGNIZED}. */
        public static Status of(String status) {
            for (Status known : values()) {
                if (known != UNRECOGNIZED && known.name().equals(status)) {
                    return known;
                }
            }
            return UNRECOGNIZED;
        }
    }

    public Checkout {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(hostedCheckoutUrl, "hostedCheckoutUrl");
        transactions = List.copyOf(transactions);
    }

    public boolean paid() {
        return status == Status.PAID;
    }

    /** Whether this checkout collects exactly {@code money}: same currency, same amount to the last digit. */
    public boolean isFor(Money money) {
        return money.currency().getCurrencyCode().equals(currency) && amount.compareTo(money.major()) == 0;
    }

    /** The attempt that went through, whose id a refund names. */
    public Optional<Transaction> successfulTransaction() {
        return transactions.stream().filter(Transaction::successful).findFirst();
    }
}
