package com.roseash.platform.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.roseash.contract.ServiceName.SignOn;
import com.roseash.contract.ServiceName;
import com.roseash.platform.auth.FederatedAccountMenu;
import com.roseash.platform.auth.OidcLogin;
import com.roseash.platform.cache.PageCache;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.config.Setting;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.DomainMigrations;
import com.roseash.platform.db.SchemaReadiness;
import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.eventroutes.DomainEvents;
import com.roseash.platform.fragments.FragmentClient;
import com.roseash.platform.web.PageChrome;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Site;
import com.roseash.platform.web.Templates;

/**
 * What every service is built on, wired once: its configuration, database, Redis, site, templates and
 * fragment client; then its pages (renderer and error answers) around the chrome the service gives; then
 * its server with the standard parts (schema and Redis readiness, and for a sign-on client the signed-in
 * user, {@code /auth} and back-channel logout). A service's {@code parts} names only its own features.
 */
public final class ServiceFoundation {

    private final ServiceName service;
    private final RoseAshConfig config;
    private final Database database;
    private final RedisCache cache;
    private final Site site;
    private final Templates templates;
    private final FragmentClient fragments;

    private ServiceFoundation(ServiceName service, RoseAshConfig config, Database database, RedisCache cache) {
        this.service = service;
        this.config = config;
        this.database = database;
        this.cache = cache;
        this.site = Site.from(config, service);
        this.templates = new Templates();
        this.fragments = FragmentClient.create(config, cache);
    }

    /** Loads {@code settings} with {@code overrides} on top and connects; neither the database nor Redis need be up. */
    public static ServiceFoundation load(ServiceName service, List<Setting> settings, Map<String, String> overrides) {
        RoseAshConfig config = RoseAshConfig.load(settings, overrides);
        Database database = Database.connect(DatabaseSettings.from(config));
        return new ServiceFoundation(service, config, database, new RedisCache(RedisSettings.from(config)));
    }

    /** The account slot of the layout: the sign-on provider renders its own; a client asks federation for it. */
    public PageChrome accountMenu() {
        return service.signOn() == SignOn.CLIENT ? new FederatedAccountMenu(fragments, site) : PageChrome.NONE;
    }

    /** A cache of this service's rendered pages, with the platform's page TTL. */
    public PageCache pageCache() {
        return new PageCache(cache, service.id(), config.duration(PlatformSettings.PAGE_TTL));
    }

    /** The renderer around {@code chrome}, and the error answers in its layout. */
    public Pages pages(PageChrome chrome, Optional<PageCache> pageCache) {
        PageRenderer renderer = new PageRenderer(templates, site, chrome, pageCache);
        return new Pages(renderer, ErrorResponses.pagesOrJson(renderer));
    }

    /**
     * The server with the standard parts: readiness of the service's schema and of Redis, and for a sign-on
     * client the signed-in user, sign-in at {@code /auth} and back-channel logout on the internal socket.
     */
    public ServiceServer.Builder server(Pages pages) {
        ServiceServer.Builder server = ServiceServer.builder(config, pages.renderer())
                .healthCheck(new SchemaReadiness(database, new DomainMigrations(service.id())))
                .healthCheck(cache.readinessCheck());
        if (service.signOn() == SignOn.CLIENT) {
            OidcLogin signIn = OidcLogin.create(config, service, cache, pages.errors());
            server.feature(signIn.currentUser())
                    .route(OidcLogin.MOUNT, signIn)
                    .internalRoute(OidcLogin.INTERNAL_MOUNT, signIn.backChannelLogout());
        }
        return server;
    }

    /**
     * The service ready to start: {@code server}, and the resources its running service closes: the platform's,
     * and {@code own} (a service's background jobs), closed first.
     */
    public ServiceParts parts(ServiceServer.Builder server, AutoCloseable... own) {
        List<AutoCloseable> resources = new ArrayList<>(List.of(cache, database));
        resources.addAll(List.of(own));
        return new ServiceParts(service, server, resources);
    }

    /** This service's domain events: its outbox and processor, and its handlers' routes; close it with the service. */
    public DomainEvents domainEvents() {
        return DomainEvents.of(service, config, database);
    }

    public RoseAshConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public RedisCache cache() {
        return cache;
    }

    public Site site() {
        return site;
    }

    public Templates templates() {
        return templates;
    }

    public FragmentClient fragments() {
        return fragments;
    }

    /** A service's renderer and the error answers rendered in its layout. */
    public record Pages(PageRenderer renderer, ErrorResponses errors) {
    }
}
