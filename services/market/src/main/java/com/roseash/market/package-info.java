/**
 * The market service (issue 12, in progress): products, categories and stalls, market pages and search,
 * and import of a product from a URL. Not yet landed: the stack, migrations and operator do not run it.
 */
package com.roseash.market;
