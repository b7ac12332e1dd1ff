package com.roseash.platform.market;

import java.util.List;
import java.util.Map;

/** What a seller holds behind {@link SellerRoutes}: the market's products, events' ticket types. */
public interface SellerStock {

    /** The items among {@code slugs} on sale now, as offers. */
    List<Offer> offers(List<String> slugs);

    /** Holds {@code quantities} (slug to how many) for {@code orderId}, all or nothing; asked again, answers the same. */
    Reservation reserve(String orderId, Map<String, Integer> quantities);

    /** Gives back what {@code orderId} holds; false when it held nothing or was released already. */
    boolean release(String orderId);
}
