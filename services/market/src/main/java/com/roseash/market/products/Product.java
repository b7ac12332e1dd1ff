package com.roseash.market.products;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.roseash.platform.money.Money;

/**
 * A published product, as its page shows it.
 *
 * @param html the description, Markdown rendered and sanitised when it was saved
 */
public record Product(long id, String slug, String title, String html, Money price, Stock stock, List<String> images,
                      List<Category> categories, Optional<StallRef> stall, Instant publishedAt) {

    public ProductSummary summary() {
        return new ProductSummary(slug, title, price, images.isEmpty() ? "" : images.getFirst(), stock);
    }
}
