package com.roseash.sumup.standin;

import java.math.BigDecimal;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The stand-in's checkouts, in memory. Every change happens under one lock and swaps in a new immutable
 * {@link StandInCheckout}, so a reader always sees a whole checkout.
 */
final class CheckoutStore {

    /** What a payment attempt did: {@code changed} is false when the checkout could not be paid any more. */
    record Attempt(StandInCheckout checkout, boolean changed) {
    }

    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, StandInCheckout> byId = new LinkedHashMap<>();
    private final Map<String, String> idByReference = new HashMap<>();

    /** Keeps a new checkout; a reference seen before is SumUp's 409 DUPLICATED_CHECKOUT. */
    synchronized StandInCheckout create(String reference, BigDecimal amount, String currency, String merchantCode,
                                        String description, URI returnUrl, URI redirectUrl,
                                        boolean hosted) {
        if (idByReference.containsKey(reference)) {
            throw ApiRefusal.duplicatedCheckout();
        }
        StandInCheckout checkout = new StandInCheckout(UUID.randomUUID().toString(), reference, amount, currency,
                merchantCode, description, returnUrl, redirectUrl, hosted, StandInCheckout.PENDING, Instant.now(),
                List.of());
        byId.put(checkout.id(), checkout);
        idByReference.put(reference, checkout.id());
        return checkout;
    }

    synchronized Optional<StandInCheckout> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every checkout, or only the one with {@code reference} when it is given (SumUp's list answers an array). */
    synchronized List<StandInCheckout> list(String reference) {
        if (reference == null) {
            return List.copyOf(byId.values());
        }
        String id = idByReference.get(reference);
        return id == null ? List.of() : List.of(byId.get(id));
    }

    /**
     * The payer's attempt on the hosted page. Approved: a SUCCESSFUL transaction and the checkout PAID. Declined:
     * a FAILED transaction and the checkout left PENDING, so the payer can try again (see {@link SumUpStandIn}).
     * A checkout no longer PENDING is left alone.
     */
    synchronized Optional<Attempt> attempt(String id, boolean approved) {
        StandInCheckout checkout = byId.get(id);
        if (checkout == null) {
            return Optional.empty();
        }
        if (!checkout.status().equals(StandInCheckout.PENDING)) {
            return Optional.of(new Attempt(checkout, false));
        }
        StandInTransaction transaction = new StandInTransaction(UUID.randomUUID().toString(), transactionCode(),
                approved ? StandInTransaction.SUCCESSFUL : StandInTransaction.FAILED, checkout.amount(),
                checkout.currency(), Instant.now(), BigDecimal.ZERO);
        StandInCheckout after = checkout.withTransaction(transaction,
                approved ? StandInCheckout.PAID : StandInCheckout.PENDING);
        byId.put(id, after);
        return Optional.of(new Attempt(after, true));
    }

    /** As SumUp does when a checkout's time runs out unpaid. */
    synchronized StandInCheckout expire(String id) {
        StandInCheckout checkout = byId.get(id);
        if (checkout == null) {
            throw new IllegalArgumentException("the stand-in has no checkout " + id);
        }
        if (!checkout.status().equals(StandInCheckout.PENDING)) {
            throw new IllegalStateException("checkout " + id + " is " + checkout.status() + ": only a PENDING one expires");
        }
        StandInCheckout expired = checkout.withStatus(StandInCheckout.EXPIRED);
        byId.put(id, expired);
        return expired;
    }

    /**
     * Refunds {@code amount} of a transaction, or all that is left of it when {@code amount} is null. The
     * transaction becomes REFUNDED (SumUp's status for "refunded in full or in part"); the checkout stays PAID,
     * as SumUp's checkout statuses have no refunded one.
     */
    synchronized void refund(String transactionId, BigDecimal amount) {
        for (StandInCheckout checkout : byId.values()) {
            Optional<StandInTransaction> found = checkout.transaction(transactionId);
            if (found.isEmpty()) {
                continue;
            }
            StandInTransaction transaction = found.get();
            BigDecimal left = transaction.refundable();
            if (left.signum() <= 0) {
                throw ApiRefusal.conflict("Transaction " + transactionId + " is " + transaction.status()
                        + " with nothing left to refund");
            }
            BigDecimal refunding = amount == null ? left : amount;
            int digits = Currency.getInstance(transaction.currency()).getDefaultFractionDigits();
            if (refunding.stripTrailingZeros().scale() > digits) {
                throw ApiRefusal.invalid("amount", "Refund amount " + refunding.toPlainString() + " has more decimals than "
                        + transaction.currency() + " has");
            }
            if (refunding.compareTo(left) > 0) {
                throw ApiRefusal.invalid("amount", "Refund amount " + refunding.toPlainString() + " exceeds the "
                        + left.toPlainString() + " " + transaction.currency() + " left to refund");
            }
            byId.put(checkout.id(), checkout.replacing(transaction.refund(refunding)));
            return;
        }
        throw ApiRefusal.notFound();
    }

    private String transactionCode() {
        StringBuilder code = new StringBuilder("T");
        for (int i = 0; i < 9; i++) {
            code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }
}
