package com.roseash.market.importing;

/** Imports a product from a URL: fetches the page safely, then reads the product from it. */
public final class ProductImporter {

    private final ProductPageFetcher fetcher;
    private final ProductExtractor extractor;

    public ProductImporter(ProductPageFetcher fetcher, ProductExtractor extractor) {
        this.fetcher = fetcher;
        this.extractor = extractor;
    }

    /**
     * The product at {@code address}, for an editor to check.
     *
     * @throws ImportRefused when the page cannot be fetched safely, or names no product
     */
    public ImportedProduct importFrom(String address) {
        FetchedPage page = fetcher.fetch(address);
        return extractor.extract(page.html(), page.url())
                .orElseThrow(() -> new ImportRefused("No product data found at " + page.url()));
    }
}
