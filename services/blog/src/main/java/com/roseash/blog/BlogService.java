package com.roseash.blog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.roseash.blog.editor.EditorRepository;
import com.roseash.blog.editor.EditorRoutes;
import com.roseash.blog.feed.AtomFeed;
import com.roseash.blog.feed.FeedRoutes;
import com.roseash.blog.ghost.GhostExportParser;
import com.roseash.blog.ghost.GhostImporter;
import com.roseash.blog.ghost.ImportSummary;
import com.roseash.blog.markdown.MarkdownRenderer;
import com.roseash.blog.menu.BlogChrome;
import com.roseash.blog.menu.MenuRepository;
import com.roseash.blog.posts.EntryRepository;
import com.roseash.blog.posts.PostRoutes;
import com.roseash.blog.posts.TagRepository;
import com.roseash.contract.ServiceName;
import com.roseash.contract.Sockets;
import com.roseash.platform.auth.FederatedAccountMenu;
import com.roseash.platform.auth.OidcLogin;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.cache.PageCache;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.DomainMigrations;
import com.roseash.platform.db.SchemaReadiness;
import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.fragments.FragmentClient;
import com.roseash.platform.fragments.FragmentRoutes;
import com.roseash.platform.server.RunningService;
import com.roseash.platform.server.ServiceParts;
import com.roseash.platform.server.ServiceServer;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Site;
import com.roseash.platform.web.Templates;

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
        RoseAshConfig config = RoseAshConfig.load(BlogSettings.all(), overrides);
        Database database = Database.connect(DatabaseSettings.from(config));
        RedisCache cache = new RedisCache(RedisSettings.from(config));
        Templates templates = new Templates();
        Site site = Site.from(config, ServiceName.BLOG);

        EntryRepository entries = new EntryRepository(database.client());
        TagRepository tags = new TagRepository(database.client());
        MenuRepository menu = new MenuRepository(database.client());
        FragmentClient fragmentClient = FragmentClient.create(config, cache);
        BlogChrome chrome = new BlogChrome(menu, fragmentClient, templates);
        PageCache pageCache = new PageCache(cache, ServiceName.BLOG.id(), config.duration(PlatformSettings.PAGE_TTL));
        PageRenderer renderer = new PageRenderer(templates, site, chrome.and(new FederatedAccountMenu(fragmentClient, site)),
                Optional.of(pageCache));

        PostRoutes posts = new PostRoutes(entries, tags, renderer, config.integer(BlogSettings.PAGE_SIZE));
        FeedRoutes feed = new FeedRoutes(entries, new AtomFeed(site.name(), site.publicUrl()),
                config.integer(BlogSettings.FEED_SIZE));
        FragmentRoutes fragments = new FragmentRoutes().add("nav", chrome::navHtml);
        ErrorResponses errors = ErrorResponses.pagesOrJson(renderer);
        OidcLogin signIn = OidcLogin.create(config, ServiceName.BLOG, cache, errors);
        MarkdownRenderer markdown = new MarkdownRenderer();
        EditorRoutes editor = new EditorRoutes(new EditorRepository(database.client(), markdown), database.client(), menu,
                markdown, renderer, pageCache, new Roles(errors));

        // Posts first on purpose: its catch-all /{slug}/ must not need to come last (docs/platform.md, "Route groups").
        ServiceServer.Builder server = ServiceServer.builder(config, renderer)
                .healthCheck(new SchemaReadiness(database, MIGRATIONS))
                .healthCheck(cache.readinessCheck())
                .feature(signIn.currentUser())
                .route("/", posts)
                .route(OidcLogin.MOUNT, signIn)
                .route(EditorRoutes.MOUNT, editor)
                .route(FeedRoutes.MOUNT, feed)
                .internalRoute(Sockets.FRAGMENTS_PATH, fragments)
                .internalRoute(OidcLogin.INTERNAL_MOUNT, signIn.backChannelLogout());
        return new ServiceParts(ServiceName.BLOG, server, List.of(cache, database));
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
