package com.roseash.market.products;

/**
 * How many of a product are left: a count, or unlimited (made to order, downloads).
 *
 * @param count what is left; ignored when {@code unlimited}
 */
public record Stock(boolean unlimited, int count) {

    public Stock {
        if (!unlimited && count < 0) {
            throw new IllegalArgumentException("stock cannot be negative, got " + count);
        }
    }

    public static Stock unlimitedStock() {
        return new Stock(true, 0);
    }

    public static Stock of(int count) {
        return new Stock(false, count);
    }

    /** From the column, where NULL is unlimited. */
    public static Stock fromColumn(Integer count) {
        return count == null ? unlimitedStock() : of(count);
    }

    public Integer toColumn() {
        return unlimited ? null : count;
    }

    public boolean inStock() {
        return unlimited || count > 0;
    }

    /** For people: "In stock", "3 left", "Sold out". */
    public String label() {
        if (unlimited) {
            return "In stock";
        }
        return count == 0 ? "Sold out" : count <= 5 ? count + " left" : "In stock";
    }
}
