package com.roseash.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

import com.roseash.contract.ServiceName;
import com.roseash.contract.Sockets;
import com.roseash.market.editor.DemoProducts;
import com.roseash.market.editor.EditorRepository;
import com.roseash.market.editor.MarketEditorRoutes;
import com.roseash.market.fragments.ProductFragments;
import com.roseash.market.importing.ProductExtractor;
import com.roseash.market.importing.ProductImporter;
import com.roseash.market.importing.ProductPageFetcher;
import com.roseash.market.products.CategoryRepository;
import com.roseash.market.products.ProductRepository;
import com.roseash.market.products.ProductRoutes;
import com.roseash.market.stock.StockRepository;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.cache.PageCache;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.DomainMigrations;
import com.roseash.platform.fragments.FragmentRoutes;
import com.roseash.platform.fragments.SiteChrome;
import com.roseash.platform.markdown.MarkdownRenderer;
import com.roseash.platform.market.MarketContract;
import com.roseash.platform.market.SellerRoutes;
import com.roseash.platform.server.RunningService;
import com.roseash.platform.server.ServiceFoundation.Pages;
import com.roseash.platform.server.ServiceFoundation;
import com.roseash.platform.server.ServiceParts;
import io.helidon.dbclient.DbClient;

/** The market service: wiring only. */
public final class MarketService {

    private static final System.Logger LOG = System.getLogger(MarketService.class.getName());
    public static final DomainMigrations MIGRATIONS = new DomainMigrations(ServiceName.MARKET.id());

    private MarketService() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunningService.runUntilStopped(() -> start(Map.of()));
    }

    /** Starts the market with {@code overrides} on top of its configuration (the stack and tests pass ports here). */
    public static RunningService start(Map<String, String> overrides) {
        RunningService started = parts(overrides).start();
        LOG.log(Level.INFO, "Market serving on port " + started.publicPort());
        return started;
    }

    /** The market built from its configuration, not yet on sockets. */
    public static ServiceParts parts(Map<String, String> overrides) {
        ServiceFoundation platform = ServiceFoundation.load(ServiceName.MARKET, MarketSettings.all(), overrides);
        RoseAshConfig config = platform.config();
        DbClient db = platform.database().client();

        ProductRepository products = new ProductRepository(db);
        CategoryRepository categories = new CategoryRepository(db);
        PageCache pageCache = platform.pageCache();
        Pages pages = platform.pages(new SiteChrome(platform.fragments()).and(platform.accountMenu()), Optional.of(pageCache));
        ProductRoutes shop = new ProductRoutes(products, categories, pages.renderer(), config.integer(MarketSettings.PAGE_SIZE));
        MarkdownRenderer markdown = new MarkdownRenderer();
        ProductImporter importer = new ProductImporter(new ProductPageFetcher(config.flag(MarketSettings.IMPORT_ALLOW_LOOPBACK),
                config.duration(MarketSettings.IMPORT_TIMEOUT)), new ProductExtractor());
        MarketEditorRoutes editor = new MarketEditorRoutes(new EditorRepository(db, markdown), categories, markdown,
                pages.renderer(), pageCache, new Roles(pages.errors()), importer);
        ProductFragments fragments = new ProductFragments(products, platform.templates(), platform.site().publicUrl(),
                platform.site().links().get(ServiceName.CART.id()));

        return platform.parts(platform.server(pages)
                .route("/", shop)
                .route(MarketEditorRoutes.MOUNT, editor)
                .internalRoute(Sockets.FRAGMENTS_PATH, fragments.addTo(new FragmentRoutes()))
                .internalRoute(MarketContract.MOUNT, new SellerRoutes(new StockRepository(db))));
    }

    /** The local stack's first start: loads the demo products (with their stalls and categories) when the market is empty. */
    public static Optional<Integer> loadDemoProductsIfEmpty(DatabaseSettings settings) {
        try (Database database = Database.connect(settings)) {
            if (!new ProductRepository(database.client()).isEmpty()) {
                return Optional.empty();
            }
            try (InputStream demo = MarketService.class.getResourceAsStream("/demo/market-demo.json")) {
                if (demo == null) {
                    throw new IllegalStateException("demo/market-demo.json is missing from the market's resources");
                }
                int loaded = new DemoProducts(new EditorRepository(database.client(), new MarkdownRenderer())).load(demo);
                LOG.log(Level.INFO, "Loaded " + loaded + " demo products");
                return Optional.of(loaded);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
