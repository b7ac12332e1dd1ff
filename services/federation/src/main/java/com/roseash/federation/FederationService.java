package com.roseash.federation;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.roseash.contract.ServiceName;
import com.roseash.contract.Sockets;
import com.roseash.federation.links.AccountLinks;
import com.roseash.federation.links.AccountMails;
import com.roseash.federation.oidc.AuthorizationCodes;
import com.roseash.federation.oidc.BackChannelLogout;
import com.roseash.federation.oidc.OidcClients;
import com.roseash.federation.oidc.OidcRoutes;
import com.roseash.federation.oidc.SigningKeys;
import com.roseash.federation.selfservice.AccountChangesRoutes;
import com.roseash.federation.selfservice.AccountDeletion;
import com.roseash.federation.selfservice.PasswordResetRoutes;
import com.roseash.federation.users.AccountRoutes;
import com.roseash.federation.users.Passwords;
import com.roseash.federation.users.SessionIndex;
import com.roseash.federation.users.SignInLimiter;
import com.roseash.federation.users.SignedInUsers;
import com.roseash.federation.users.User;
import com.roseash.federation.users.UserRepository;
import com.roseash.platform.auth.OidcLogin;
import com.roseash.platform.auth.SessionStore;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.DomainMigrations;
import com.roseash.platform.eventroutes.DomainEvents;
import com.roseash.platform.fragments.FragmentRoutes;
import com.roseash.platform.mail.Mailer;
import com.roseash.platform.server.RunningService;
import com.roseash.platform.server.ServiceFoundation.Pages;
import com.roseash.platform.server.ServiceFoundation;
import com.roseash.platform.server.ServiceParts;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Site;

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
        return parts(overrides).start();
    }

    /** Federation built from its configuration, not yet on sockets: {@link #start} serves it, tests may route to it. */
    public static ServiceParts parts(Map<String, String> overrides) {
        ServiceFoundation platform = ServiceFoundation.load(ServiceName.FEDERATION, FederationSettings.all(), overrides);
        RoseAshConfig config = platform.config();
        Database database = platform.database();
        RedisCache cache = platform.cache();
        Site site = platform.site();
        Pages pages = platform.pages(platform.accountMenu(), Optional.empty());
        PageRenderer renderer = pages.renderer();
        String issuer = site.publicUrl().replaceAll("/+$", "");

        UserRepository users = new UserRepository(database.client());
        // A new platform's first administrator (the operator generates the password), so someone can sign
        // in and run it; never again once anyone has registered.
        config.value(FederationSettings.ADMIN_EMAIL).ifPresent(email -> config.value(FederationSettings.ADMIN_PASSWORD)
                .flatMap(password -> createAdminIfNoUsers(users, email, password))
                .ifPresent(admin -> LOG.log(Level.INFO, "Created the first administrator, " + admin.email())));
        SigningKeys keys = SigningKeys.from(config.value(FederationSettings.SIGNING_KEY));
        BackChannelLogout backChannel = new BackChannelLogout(issuer, keys, backChannelEndpoints(config));
        SignedInUsers signedIn = new SignedInUsers(new SessionStore(cache, ServiceName.FEDERATION.id(),
                config.duration(PlatformSettings.SESSION_IDLE), config.duration(PlatformSettings.SESSION_ABSOLUTE)), users,
                new SessionIndex(database.client()), backChannel::sessionEnded);
        SignInLimiter limiter = new SignInLimiter(cache, config.integer(FederationSettings.FAILURES_PER_ACCOUNT),
                config.integer(FederationSettings.FAILURES_PER_ADDRESS), config.duration(FederationSettings.FAILURE_WINDOW));
        AccountLinks links = new AccountLinks(database.client());
        Mailer mailer = Mailer.from(config);
        if (!mailer.enabled()) {
            LOG.log(Level.WARNING, "No mail is configured (" + PlatformSettings.MAIL_HOST.key() + "): new accounts work"
                    + " without confirming their address, and passwords cannot be reset by mail");
        }
        AccountMails mails = new AccountMails(mailer, site.publicUrl());
        DomainEvents events = platform.domainEvents();
        AccountRoutes accounts = new AccountRoutes(users, signedIn, limiter, renderer, links, mails);
        OidcRoutes oidc = new OidcRoutes(issuer, OidcClients.from(config),
                new AuthorizationCodes(database.client(), config.duration(FederationSettings.CODE_TTL)),
                keys, signedIn, users, pages.errors(),
                config.duration(FederationSettings.ID_TOKEN_TTL));
        FragmentRoutes fragments = new FragmentRoutes().addFor("account-menu", request -> platform.templates().render(
                "federation/account-menu", Map.of("site", site, "query", firstValues(request.query().toMap()))));

        return platform.parts(platform.server(pages)
                .route("/", accounts)
                .route("/", new PasswordResetRoutes(users, signedIn, links, mails, renderer))
                .route("/", new AccountChangesRoutes(users, signedIn, links, mails,
                        new AccountDeletion(database.client(), events.outbox()), renderer))
                .route(OidcRoutes.MOUNT, oidc)
                .route(OidcRoutes.DISCOVERY_MOUNT, oidc.discovery())
                .internalRoute(OidcRoutes.MOUNT, oidc.serverToServer())
                .internalRoute(OidcRoutes.DISCOVERY_MOUNT, oidc.discovery())
                .internalRoute(Sockets.FRAGMENTS_PATH, fragments), events);
    }

    private static Map<String, String> firstValues(Map<String, List<String>> query) {
        return query.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getFirst()));
    }

    /** Every registered client whose internal socket is known gets back-channel logout calls there. */
    private static Map<String, URI> backChannelEndpoints(RoseAshConfig config) {
        Map<String, URI> endpoints = new HashMap<>();
        for (ServiceName service : ServiceName.values()) {
            if (service != ServiceName.FEDERATION && config.value(PlatformSettings.clientSecret(service)).isPresent()) {
                config.value(PlatformSettings.internalUrl(service)).ifPresent(url -> endpoints.put(service.id(),
                        URI.create(url.replaceAll("/+$", "") + OidcLogin.BACKCHANNEL_LOGOUT_PATH)));
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
        return users.createConfirmed(email, "Administrator", Passwords.hash(password), Set.of("admin", "editor", "member"));
    }
}
