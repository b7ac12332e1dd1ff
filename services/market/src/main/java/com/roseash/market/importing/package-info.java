/**
 * Import of a product from a URL: {@link com.roseash.market.importing.ProductPageFetcher} fetches the page
 * (public web only, bounded in size and time), {@link com.roseash.market.importing.ProductExtractor} reads the
 * product from the markup shop platforms emit (JSON-LD, then microdata, then OpenGraph), and
 * {@link com.roseash.market.importing.ProductImporter} does both. Nothing here writes to the database: an editor
 * sees the imported product and decides.
 */
package com.roseash.market.importing;
