package com.roseash.blog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

import com.roseash.blog.editor.EditorRepository;
import com.roseash.blog.editor.EditorRoutes;
import com.roseash.blog.embeds.CardEmbeds;
import com.roseash.blog.embeds.CardKind;
import com.roseash.blog.embeds.UpcomingEvents;
import com.roseash.blog.feed.AtomFeed;
import com.roseash.blog.feed.FeedRoutes;
import com.roseash.blog.ghost.GhostExportParser;
import com.roseash.blog.ghost.GhostImporter;
import com.roseash.blog.ghost.ImportSummary;
import com.roseash.blog.menu.BlogChrome;
import com.roseash.blog.menu.MenuRepository;
import com.roseash.blog.posts.EntryRepository;
import com.roseash.blog.posts.PostRoutes;
import com.roseash.blog.posts.TagRepository;
import com.roseash.contract.ServiceName;
import com.roseash.contract.Sockets;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.cache.PageCache;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.DomainMigrations;
import com.roseash.platform.fragments.FragmentRoutes;
import com.roseash.platform.markdown.MarkdownRenderer;
import com.roseash.platform.server.RunningService;
import com.roseash.platform.server.ServiceFoundation.Pages;
import com.roseash.platform.server.ServiceFoundation;
import com.roseash.platform.server.ServiceParts;
import io.helidon.dbclient.DbClient;

/** The blog service: wiring only. */
public final class BlogService {

    private static final System.Logger LOG = System.getLogger(BlogService.class.getName());
    public static final DomainMigrations MIGRATIONS = new DomainMigrations(ServiceName.BLOG.id());

    private BlogService() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunningService.runUntilStopped(() -> start(Map.of()));
    }

    /** Starts the blog with {@code overrides} on top of its configuration (the stack and tests pass ports here). */
    public static RunningService start(Map<String, String> overrides) {
        RunningService started = parts(overrides).start();
        LOG.log(Level.INFO, "Blog serving on port " + started.publicPort());
        return started;
    }

    /** The blog built from its configuration, not yet on sockets: {@link #start} serves it, tests may route to it. */
    public static ServiceParts parts(Map<String, String> overrides) {
        ServiceFoundation platform = ServiceFoundation.load(ServiceName.BLOG, BlogSettings.all(), overrides);
        RoseAshConfig config = platform.config();
        DbClient db = platform.database().client();

        EntryRepository entries = new EntryRepository(db);
        MenuRepository menu = new MenuRepository(db);
        BlogChrome chrome = new BlogChrome(menu, platform.fragments(), platform.templates(), platform.cache().contentChanges(),
                config.duration(PlatformSettings.PAGE_TTL), platform.site().publicUrl());
        PageCache pageCache = platform.pageCache();
        Pages pages = platform.pages(chrome.and(platform.accountMenu()), Optional.of(pageCache));

        Map<ServiceName, String> urls = platform.site().publicUrls();
        CardEmbeds cards = new CardEmbeds(platform.fragments(), CardKind.product(urls.get(ServiceName.MARKET)),
                CardKind.event(urls.get(ServiceName.EVENTS)));
        UpcomingEvents upcoming = new UpcomingEvents(platform.fragments(), urls.get(ServiceName.EVENTS));
        PostRoutes posts = new PostRoutes(entries, new TagRepository(db), pages.renderer(),
                config.integer(BlogSettings.PAGE_SIZE), cards, upcoming);
        FeedRoutes feed = new FeedRoutes(entries, new AtomFeed(platform.site().name(), platform.site().publicUrl()),
                config.integer(BlogSettings.FEED_SIZE), cards);
        MarkdownRenderer markdown = new MarkdownRenderer();
        EditorRoutes editor = new EditorRoutes(new EditorRepository(db, markdown), db, menu, markdown, pages.renderer(),
                pageCache, new Roles(pages.errors()));

        // Posts first on purpose: its catch-all /{slug}/ must not need to come last (docs/platform.md, "Route groups").
        return platform.parts(platform.server(pages)
                .route("/", posts)
                .route(EditorRoutes.MOUNT, editor)
                .route(FeedRoutes.MOUNT, feed)
                .internalRoute(Sockets.FRAGMENTS_PATH, new FragmentRoutes().add("nav", chrome::navFragmentHtml)));
    }

    /** The local stack's first start: loads the demo Ghost export when the blog has no content yet. */
    public static Optional<ImportSummary> loadDemoContentIfEmpty(DatabaseSettings settings) {
        try (Database database = Database.connect(settings)) {
            if (!new EntryRepository(database.client()).isEmpty()) {
                return Optional.empty();
            }
            try (InputStream demo = BlogService.class.getResourceAsStream("/demo/ghost-demo.json")) {
                if (demo == null) {
                    throw new IllegalStateException("demo/ghost-demo.json is missing from the blog's resources");
                }
                ImportSummary summary = new GhostImporter(database.client()).importContent(new GhostExportParser().parse(demo));
                LOG.log(Level.INFO, "Loaded demo content: " + summary);
                return Optional.of(summary);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
