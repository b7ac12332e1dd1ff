package com.roseash.sumup.standin;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A checkout as the stand-in holds it; immutable, so the store swaps in a new one on every change. */
record StandInCheckout(String id, String reference, BigDecimal amount, String currency, String merchantCode,
                       String description, URI returnUrl, URI redirectUrl, boolean hosted, String status,
                       Instant date, List<StandInTransaction> transactions) {

    static final String PENDING = "PENDING";
    static final String PAID = "PAID";
    static final String EXPIRED = "EXPIRED";

    StandInCheckout {
        transactions = List.copyOf(transactions);
    }

    StandInCheckout withStatus(String newStatus) {
        return new StandInCheckout(id, reference, amount, currency, merchantCode, description, returnUrl, redirectUrl,
                hosted, newStatus, date, transactions);
    }

    StandInCheckout withTransaction(StandInTransaction transaction, String newStatus) {
        List<StandInTransaction> more = new ArrayList<>(transactions);
        more.add(transaction);
        return new StandInCheckout(id, reference, amount, currency, merchantCode, description, returnUrl, redirectUrl,
                hosted, newStatus, date, more);
    }

    StandInCheckout replacing(StandInTransaction transaction) {
        List<StandInTransaction> replaced = new ArrayList<>();
        for (StandInTransaction each : transactions) {
            replaced.add(each.id().equals(transaction.id()) ? transaction : each);
        }
        return new StandInCheckout(id, reference, amount, currency, merchantCode, description, returnUrl, redirectUrl,
                hosted, status, date, replaced);
    }

    Optional<StandInTransaction> transaction(String transactionId) {
        return transactions.stream().filter(each -> each.id().equals(transactionId)).findFirst();
    }

    /** The payment that went through (refunded or not), which SumUp names at the top as transaction_id. */
    Optional<StandInTransaction> payment() {
        return transactions.stream().filter(each -> each.status().equals(StandInTransaction.SUCCESSFUL)
                || each.status().equals(StandInTransaction.REFUNDED)).findFirst();
    }

    boolean lastAttemptFailed() {
        return !transactions.isEmpty() && transactions.getLast().status().equals(StandInTransaction.FAILED);
    }
}
