/**
 * The cart service: carts, checkout, orders and their payment through SumUp. In progress: so far only the
 * SumUp client ({@link com.roseash.cart.sumup.SumUpClient}) is here; the service itself ({@code CartService})
 * is still to come.
 */
package com.roseash.cart;
