package com.roseash.account;

import java.util.Map;
import java.util.Optional;

import com.roseash.account.dashboard.DashboardRoutes;
import com.roseash.contract.ServiceName;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.db.DomainMigrations;
import com.roseash.platform.server.RunningService;
import com.roseash.platform.server.ServiceFoundation.Pages;
import com.roseash.platform.server.ServiceFoundation;
import com.roseash.platform.server.ServiceParts;

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
        ServiceFoundation platform = ServiceFoundation.load(ServiceName.ACCOUNT, PlatformSettings.all(), overrides);
        Pages pages = platform.pages(platform.accountMenu(), Optional.empty());
        DashboardRoutes dashboard = new DashboardRoutes(pages.renderer(), new Roles(pages.errors()), platform.fragments());
        return platform.parts(platform.server(pages).route("/", dashboard));
    }
}
