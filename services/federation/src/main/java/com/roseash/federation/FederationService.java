package com.roseash.federation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.roseash.contract.ServiceName;
import com.roseash.federation.oidc.AuthorizationCodes;
import com.roseash.federation.oidc.BackChannelLogout;
import com.roseash.federation.oidc.OidcClients;
import com.roseash.federation.oidc.OidcRoutes;
import com.roseash.federation.oidc.SigningKeys;
import com.roseash.federation.users.AccountRoutes;
import com.roseash.federation.users.Passwords;
import com.roseash.federation.users.SignInLimiter;
import com.roseash.federation.users.SignedInUsers;
import com.roseash.federation.users.User;
import com.roseash.federation.users.UserRepository;
import com.roseash.platform.auth.SessionStore;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.DomainMigrations;
import com.roseash.platform.db.SchemaReadiness;
import com.roseash.platform.fragments.FragmentRoutes;
import com.roseash.platform.server.RunningService;
import com.roseash.platform.server.ServerSettings;
import com.roseash.platform.server.ServiceServer;
import com.roseash.platform.web.ErrorPages;
import com.roseash.platform.web.PageChrome;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Site;
import com.roseash.platform.web.Templates;

/** The federation service: users and the OpenID Connect provider. Wiring only. */
public final class FederationService {

    private static final System.Logger LOG = System.getLogger(FederationService.class.getName());

    public static final DomainMigrations MIGRATIONS = new DomainMigrations(ServiceName.FEDERATION.id());

    private FederationService() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunningService.runUntilStopped(() -> start(Map.of()));
    }

    public static RunningService start(Map<String, String> overrides) {
        RoseAshConfig config = RoseAshConfig.load(FederationSettings.all(), overrides);
        Database database = Database.connect(DatabaseSettings.from(config));
        RedisCache cache = new RedisCache(RedisSettings.from(config));
        Site site = Site.from(config, ServiceName.FEDERATION);
        Templates templates = new Templates();
        PageRenderer renderer = new PageRenderer(templates, site, PageChrome.NONE, Optional.empty());
        String issuer = site.publicUrl().replaceAll("/+$", "");

        UserRepository users = new UserRepository(database.client());
        // A new platform's first administrator (the operator generates the password), so someone can sign
        // in and run it; never again once anyone has registered.
        config.value(FederationSettings.ADMIN_EMAIL).ifPresent(email -> config.value(FederationSettings.ADMIN_PASSWORD)
                .flatMap(password -> createAdminIfNoUsers(users, email, password))
                .ifPresent(admin -> LOG.log(System.Logger.Level.INFO, "Created the first administrator, " + admin.email())));
        SigningKeys keys = SigningKeys.from(config.value(FederationSettings.SIGNING_KEY));
        BackChannelLogout backChannel = new BackChannelLogout(issuer, keys, backChannelEndpoints(config));
        SignedInUsers signedIn = new SignedInUsers(new SessionStore(cache, ServiceName.FEDERATION.id(),
                config.duration(PlatformSettings.SESSION_IDLE), config.duration(PlatformSettings.SESSION_ABSOLUTE)), users,
                backChannel::sessionEnded);
        SignInLimiter limiter = new SignInLimiter(cache, config.integer(FederationSettings.FAILURES_PER_ACCOUNT),
                config.integer(FederationSettings.FAILURES_PER_ADDRESS), config.duration(FederationSettings.FAILURE_WINDOW));
        AccountRoutes accounts = new AccountRoutes(users, signedIn, limiter, renderer);
        OidcRoutes oidc = new OidcRoutes(issuer, OidcClients.from(config),
                new AuthorizationCodes(database.client(), config.duration(FederationSettings.CODE_TTL)),
                keys, signedIn, users, new ErrorPages(renderer),
                config.duration(FederationSettings.ID_TOKEN_TTL));

        ServiceServer.Builder server = ServiceServer.builder(ServerSettings.from(config), renderer)
                .healthCheck(new SchemaReadiness(database, MIGRATIONS))
                .healthCheck(cache.readinessCheck())
                // Called by other servers, which authenticate with their client secret instead.
                .csrfExempt(OidcRoutes.TOKEN_PATH)
                .publicRoutes(routing -> {
                    oidc.installPublic(routing);
                    accounts.install(routing);
                })
                .internalRoutes(routing -> {
                    oidc.installServerToServer(routing);
                    new FragmentRoutes().addFor("account-menu", request -> templates.render("federation/account-menu",
                            Map.of("site", site, "query", request.query().toMap().entrySet().stream().collect(
                                    java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getFirst())))))
                            .install(routing);
                });
        server.csrfSecretFrom(config);
        return new RunningService(ServiceName.FEDERATION, server.build().start(), List.of(cache, database));
    }

    /** Every registered client whose internal socket is known gets back-channel logout calls there. */
    private static Map<String, java.net.URI> backChannelEndpoints(RoseAshConfig config) {
        Map<String, java.net.URI> endpoints = new java.util.HashMap<>();
        for (ServiceName service : ServiceName.values()) {
            if (service != ServiceName.FEDERATION && config.value(PlatformSettings.clientSecret(service)).isPresent()) {
                config.value(PlatformSettings.internalUrl(service)).ifPresent(url -> endpoints.put(service.id(),
                        java.net.URI.create(url.replaceAll("/+$", "") + com.roseash.platform.auth.OidcLogin.BACKCHANNEL_LOGOUT_PATH)));
            }
        }
        return endpoints;
    }

    /** The local stack's first start: an admin to sign in with. Empty when users exist already. */
    public static Optional<User> createAdminIfNoUsers(DatabaseSettings settings, String email, String password) {
        try (Database database = Database.connect(settings)) {
            return createAdminIfNoUsers(new UserRepository(database.client()), email, password);
        }
    }

    /** Replicas starting together may both find no users; the address is unique, so one admin is made. */
    private static Optional<User> createAdminIfNoUsers(UserRepository users, String email, String password) {
        if (!users.isEmpty()) {
            return Optional.empty();
        }
        return users.create(email, "Administrator", Passwords.hash(password), Set.of("admin", "editor", "member"));
    }
}
