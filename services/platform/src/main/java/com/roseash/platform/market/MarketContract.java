package com.roseash.platform.market;

/**
 * The market's internal API for other services (cart), on its internal socket: paths and field names shared
 * by {@link MarketClient} and the market's routes. JSON, money as minor units and an ISO 4217 code.
 *
 * <ul>
 *   <li>{@code GET  /internal/market/offers?slug=a&slug=b}: the published ones among them, as offers;</li>
 *   <li>{@code POST /internal/market/reservations} {@code {"orderId": "...", "lines": [{"slug": "...",
 *       "quantity": 2}]}}: holds all or nothing; asked again for the same order, answers what it held then;</li>
 *   <li>{@code POST /internal/market/reservations/{orderId}/release}: gives the stock back, once.</li>
 * </ul>
 *
 * <p>It is the contract of every seller whose items a cart holds: events serves it for tickets at
 * {@link #TICKETS_MOUNT}, where a slug names a ticket type.
 */
public final class MarketContract {

    public static final String MOUNT = "/internal/market";
    /** Where events serves the same contract for its ticket types. */
    public static final String TICKETS_MOUNT = "/internal/tickets";
    public static final String OFFERS = "/offers";
    public static final String RESERVATIONS = "/reservations";
    public static final String RELEASE = "/release";
    /** Most lines one order may hold; more is a 400. */
    public static final int MAX_LINES = 100;
    /** Most of one product one order may hold. */
    public static final int MAX_QUANTITY = 1000;

    private MarketContract() {
    }
}
