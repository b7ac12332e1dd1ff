package com.roseash.market.editor;

import com.roseash.market.products.Stock;
import com.roseash.platform.money.Money;

/** A product as the editor sees it, drafts included, with the form's fields. */
public record EditableProduct(long id, ProductDraft fields, Money price, Stock stock, boolean published) {
}
