package com.roseash.market.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.roseash.platform.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages shaped like what shop platforms emit (src/test/resources/import-fixtures), each read as an editor would
 * see the result: exact title, description, images, price and source.
 */
class ProductExtractorTest {

    private final ProductExtractor extractor = new ProductExtractor();

    @Test
    void shopifyProductIsReadFromJsonLdWithTheFirstOfItsOffers() {
        ImportedProduct product = extract("shopify-product.html", "https://pottery.example/products/stoneware-mug");

        assertThat(product.source()).isEqualTo(ImportedProduct.Source.JSON_LD);
        assertThat(product.title()).isEqualTo("Hand-thrown Stoneware Mug");
        assertThat(product.description())
                .isEqualTo("A generous mug, thrown on the wheel and glazed in ash green. Holds 350 ml. Dishwasher safe.");
        assertThat(product.imageUrls()).containsExactly(
                "https://pottery.example/cdn/shop/files/mug-front.jpg?v=1712345678&width=1920",
                "https://pottery.example/cdn/shop/files/mug-side.jpg?v=1712345678&width=1920");
        assertThat(product.price()).contains(Money.ofMinor(2400, "GBP"));
        assertThat(product.sourceUrl()).isEqualTo(URI.create("https://pottery.example/products/stoneware-mug"));
    }

    @Test
    void woocommerceProductInYoastsGraphFollowsTheImageReferenceAndTakesTheSalePriceNotTheListPrice() {
        ImportedProduct product = extract("woocommerce-yoast-graph.html", "https://linens.example/product/linen-tea-towel/");

        assertThat(product.source()).isEqualTo(ImportedProduct.Source.JSON_LD);
        assertThat(product.title()).isEqualTo("Linen Tea Towel – Natural");
        assertThat(product.description()).isEqualTo("Stonewashed linen tea towel, hemmed by hand. 50 × 70 cm.");
        assertThat(product.imageUrls())
                .containsExactly("https://linens.example/wp-content/uploads/2025/03/tea-towel-natural.jpg");
        assertThat(product.price()).contains(Money.ofMinor(2400, "GBP"));
    }

    @Test
    void woocommerceVariableProductTakesTheAggregateOffersLowPrice() {
        ImportedProduct product = extract("woocommerce-variable.html", "https://candles.example/product/beeswax-candle/");

        assertThat(product.source()).isEqualTo(ImportedProduct.Source.JSON_LD);
        assertThat(product.title()).isEqualTo("Beeswax Candle");
        assertThat(product.description()).isEqualTo("Hand-dipped from our own bees' wax. Three sizes.");
        assertThat(product.imageUrls())
                .containsExactly("https://candles.example/wp-content/uploads/2025/01/beeswax-candle.jpg");
        assertThat(product.price()).contains(Money.ofMinor(1800, "GBP"));
    }

    @Test
    void productGroupIsReadWithItsOwnNameAndImageAndAPriceFromItsVariants() {
        ImportedProduct product = extract("product-group-variants.html", "https://outfitters.example/coat");

        assertThat(product.source()).isEqualTo(ImportedProduct.Source.JSON_LD);
        assertThat(product.title()).isEqualTo("Wool winter coat");
        assertThat(product.description()).isEqualTo("Wool coat, new for this year's winter season");
        assertThat(product.imageUrls()).containsExactly("https://outfitters.example/coat_group.jpg");
        assertThat(product.price()).contains(Money.ofMinor(3999, "USD"));
    }

    @Test
    void productGroupWithItsOwnPriceKeepsItAndWithoutImagesTakesItsVariants() {
        ImportedProduct product = extract("product-group-variant-images.html", "https://outfitters.example/shirts/linen");

        assertThat(product.title()).isEqualTo("Linen shirt");
        assertThat(product.description()).isEmpty();
        assertThat(product.imageUrls()).containsExactly(
                "https://outfitters.example/img/shirt-s.jpg", "https://outfitters.example/img/shirt-m.jpg");
        assertThat(product.price()).contains(Money.ofMinor(5500, "EUR"));
    }

    @Test
    void magentoMicrodataIsReadFromTheProductsOwnPropertiesNotItsBrandsReviewsOrRelatedProducts() {
        ImportedProduct product = extract("magento-microdata.html", "https://store.example/driven-backpack.html");

        assertThat(product.source()).isEqualTo(ImportedProduct.Source.MICRODATA);
        assertThat(product.title()).isEqualTo("Driven Backpack");
        assertThat(product.description()).isEqualTo(
                "With earbud cable port and padded straps, the Driven Backpack is made for the daily ride. "
                        + "Durable nylon. Padded laptop sleeve.");
        assertThat(product.imageUrls()).containsExactly(
                "https://store.example/media/catalog/product/cache/0f8314/m/b/mb03-black-0.jpg",
                "https://store.example/media/catalog/product/m/b/mb03-black-0_alt1.jpg");
        assertThat(product.price()).contains(Money.ofMinor(3600, "USD"));
    }

    @Test
    void microdataPriceAndCurrencyAreReadFromTextWhenThereIsNoContentAttribute() {
        ImportedProduct product = extract("broken-json-ld-microdata-fallback.html", "https://baskets.example/willow");

        assertThat(product.source()).isEqualTo(ImportedProduct.Source.MICRODATA);
        assertThat(product.title()).isEqualTo("Willow Basket");
        assertThat(product.description()).isEqualTo("Woven from Somerset willow.");
        assertThat(product.imageUrls()).isEmpty();
        assertThat(product.price()).contains(Money.ofMinor(3200, "GBP"));
    }

    @Test
    void openGraphOnlyPageIsAProductWithEveryImageOnce() {
        ImportedProduct product = extract("etsy-opengraph.html", "https://makers.example/listing/1234567/hand-dyed-merino-yarn");

        assertThat(product.source()).isEqualTo(ImportedProduct.Source.OPEN_GRAPH);
        assertThat(product.title()).isEqualTo("Hand-dyed Merino Yarn, Heather");
        assertThat(product.description()).isEqualTo("Hand-dyed & spun in Cumbria. 100 g skein, about 400 m.");
        assertThat(product.imageUrls()).containsExactly(
                "https://img.makers.example/il/1234/yarn-heather-1.jpg",
                "https://img.makers.example/il/1234/yarn-heather-2.jpg");
        assertThat(product.price()).contains(Money.ofMinor(1850, "GBP"));
    }

    @Test
    void openGraphPageOfTypeWebsiteCountsWhenItStatesAPrice() {
        ImportedProduct product = extract("squarespace-og-price.html", "https://studio.example/shop/p/ceramic-planter");

        assertThat(product.source()).isEqualTo(ImportedProduct.Source.OPEN_GRAPH);
        assertThat(product.title()).isEqualTo("Ceramic Planter — Rose Ash Studio");
        assertThat(product.description()).isEqualTo("A speckled stoneware planter with a drainage hole.");
        assertThat(product.imageUrls()).containsExactly("https://images.studio.example/content/v1/planter.jpg?format=1500w");
        assertThat(product.price()).contains(Money.ofMinor(1500, "EUR"));
    }

    @Test
    void aBrokenJsonLdScriptDoesNotStopTheNextOne() {
        ImportedProduct product = extract("broken-json-ld-then-valid.html", "https://woodwork.example/oak-board");

        assertThat(product.source()).isEqualTo(ImportedProduct.Source.JSON_LD);
        assertThat(product.title()).isEqualTo("Oak Chopping Board");
        assertThat(product.description()).isEqualTo("End-grain English oak, oiled.");
        assertThat(product.imageUrls()).containsExactly("https://woodwork.example/images/board.jpg");
        assertThat(product.price()).contains(Money.ofMinor(4500, "GBP"));
    }

    @Test
    void aPriceWithAThousandsSeparatorAndDecimalsIsReadExactly() {
        ImportedProduct product = extract("thousands-separator-gbp.html", "https://furniture.example/walnut-table");

        assertThat(product.title()).isEqualTo("Walnut Dining Table");
        assertThat(product.price()).contains(Money.ofMinor(129900, "GBP"));
    }

    @Test
    void aYenPriceHasNoMinorUnits() {
        ImportedProduct product = extract("yen-price.html", "https://kobo.example/tetsubin");

        assertThat(product.title()).isEqualTo("南部鉄器 鉄瓶 1.2L");
        assertThat(product.description()).isEqualTo("盛岡の工房で鋳造した鉄瓶です。");
        assertThat(product.price()).contains(Money.ofMinor(12800, "JPY"));
    }

    @Test
    void imageObjectsGiveTheirUrlOrContentUrlAndAPriceSpecificationGivesThePrice() {
        ImportedProduct product = extract("image-objects.html", "https://garden.example/watering-can");

        assertThat(product.title()).isEqualTo("Copper Watering Can");
        assertThat(product.imageUrls()).containsExactly(
                "https://garden.example/img/can-1.jpg",
                "https://garden.example/img/can-2.jpg",
                "https://garden.example/img/can-3.jpg");
        assertThat(product.price()).contains(Money.ofMinor(6500, "GBP"));
    }

    @Test
    void relativeImagesResolveAgainstThePageAndAreKeptOnceInOrderWithoutDataOrScriptUrls() {
        ImportedProduct product = extract("relative-images.html", "https://chairs.example/catalogue/stools/rush");

        assertThat(product.description()).isEqualTo("Ash frame, rush seat.");
        assertThat(product.imageUrls()).containsExactly(
                "https://chairs.example/images/stool.jpg",
                "https://chairs.example/catalogue/stools/stool-side.jpg",
                "https://cdn.chairs.example/stool-top.jpg");
        assertThat(product.price()).isEmpty();
    }

    @Test
    void pricesThatWouldNeedGuessingAreLeftOut() {
        ImportedProduct product = extract("price-not-exact.html", "https://slippers.example/felt");

        assertThat(product.title()).isEqualTo("Felt Slippers");
        assertThat(product.price()).isEmpty();
    }

    @Test
    void aBlogArticleIsNoProduct() {
        assertThat(extractor.extract(fixture("blog-article.html"), URI.create("https://pottery.example/journal/kiln")))
                .isEmpty();
    }

    @Test
    void aPageWithNothingOnItIsNoProduct() {
        Optional<ImportedProduct> product = extractor.extract("<html><head><title>Shop</title></head></html>",
                URI.create("https://shop.example/"));

        assertThat(product).isEmpty();
    }

    private ImportedProduct extract(String fixture, String pageUrl) {
        return extractor.extract(fixture(fixture), URI.create(pageUrl))
                .orElseThrow(() -> new AssertionError("no product found in " + fixture));
    }

    static String fixture(String name) {
        try (InputStream in = ProductExtractorTest.class.getResourceAsStream("/import-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
