package com.roseash.cart.carts;

import java.util.List;
import java.util.Optional;

import com.roseash.platform.money.Money;

/**
 * A cart with the market's current prices.
 *
 * @param pricesUnavailable the market could not be asked: lines are shown by slug, without prices
 */
public record PricedCart(List<CartLine> lines, boolean pricesUnavailable) {

    public PricedCart {
        lines = List.copyOf(lines);
    }

    /** How many things are in the cart, quantities summed: the header's count. */
    public int count() {
        return lines.stream().mapToInt(CartLine::quantity).sum();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The priced lines' total; empty when nothing is priced or the lines are in more than one currency. */
    public Optional<Money> total() {
        List<Money> totals = lines.stream().filter(CartLine::priced).map(CartLine::total).toList();
        if (totals.isEmpty() || totals.stream().map(Money::currency).distinct().count() > 1) {
            return Optional.empty();
        }
        return totals.stream().reduce(Money::plus);
    }

    /** Templates: {@code {{#cart.hasTotal}}}. */
    public boolean hasTotal() {
        return total().isPresent();
    }

    /** Templates: the total as shown, "£12.50", or "" when there is none. */
    public String totalDisplay() {
        return total().map(Money::display).orElse("");
    }
}
