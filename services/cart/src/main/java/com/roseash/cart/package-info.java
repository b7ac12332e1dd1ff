/**
 * The cart service: carts, checkout, orders and their payment through SumUp. In progress (issue 12): so far the
 * SumUp client ({@code sumup}), carts ({@code carts}) and the order's states ({@code orders}) are here; the
 * service itself ({@code CartService}) is still to come, and the cart has not landed.
 */
package com.roseash.cart;
