package com.roseash.account;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.roseash.account.dashboard.DashboardRoutes;
import com.roseash.contract.ServiceName;
import com.roseash.platform.auth.FederatedAccountMenu;
import com.roseash.platform.auth.OidcLogin;
import com.roseash.platform.auth.Roles;
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
import com.roseash.platform.server.RunningService;
import com.roseash.platform.server.ServiceParts;
import com.roseash.platform.server.ServiceServer;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Site;
import com.roseash.platform.web.Templates;

/** The account service: wiring only. */
public final class AccountService {

    public static final DomainMigrations MIGRATIONS = new DomainMigrations(ServiceName.ACCOUNT.id());

    private AccountService() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunningService.runUntilStopped(() -> start(Map.of()));
    }

    public static RunningService start(Map<String, String> overrides) {
        return parts(overrides).start();
    }

    /** The account service built from its configuration, not yet on sockets. */
    public static ServiceParts parts(Map<String, String> overrides) {
        RoseAshConfig config = RoseAshConfig.load(PlatformSettings.all(), overrides);
        Database database = Database.connect(DatabaseSettings.from(config));
        RedisCache cache = new RedisCache(RedisSettings.from(config));
        Site site = Site.from(config, ServiceName.ACCOUNT);
        PageRenderer renderer = new PageRenderer(new Templates(), site,
                new FederatedAccountMenu(FragmentClient.create(config, cache), site), Optional.empty());
        ErrorResponses errors = ErrorResponses.pagesOrJson(renderer);
        OidcLogin signIn = OidcLogin.create(config, ServiceName.ACCOUNT, cache, errors);
        DashboardRoutes dashboard = new DashboardRoutes(renderer, new Roles(errors));

        ServiceServer.Builder server = ServiceServer.builder(config, renderer)
                .healthCheck(new SchemaReadiness(database, MIGRATIONS))
                .healthCheck(cache.readinessCheck())
                .feature(signIn.currentUser())
                .route("/", dashboard)
                .route(OidcLogin.MOUNT, signIn)
                .internalRoute(OidcLogin.INTERNAL_MOUNT, signIn.backChannelLogout());
        return new ServiceParts(ServiceName.ACCOUNT, server, List.of(cache, database));
    }
}
