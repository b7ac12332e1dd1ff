package com.roseash.account;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.roseash.account.dashboard.DashboardRoutes;
import com.roseash.account.members.MemberErasure;
import com.roseash.account.newsletters.IssueSender;
import com.roseash.account.newsletters.NewsletterEditorRoutes;
import com.roseash.account.newsletters.NewsletterMails;
import com.roseash.account.newsletters.NewsletterRepository;
import com.roseash.account.newsletters.NewsletterRoutes;
import com.roseash.account.newsletters.SignedLinks;
import com.roseash.contract.ServiceName;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.db.DomainMigrations;
import com.roseash.platform.eventroutes.DomainEvents;
import com.roseash.platform.eventroutes.EventRoutes;
import com.roseash.platform.events.EventType;
import com.roseash.platform.mail.Mailer;
import com.roseash.platform.markdown.MarkdownRenderer;
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

    /** The account service built from its configuration, not yet on sockets; its newsletter sender runs until closed. */
    public static ServiceParts parts(Map<String, String> overrides) {
        ServiceFoundation platform = ServiceFoundation.load(ServiceName.ACCOUNT, AccountSettings.all(), overrides);
        RoseAshConfig config = platform.config();
        Pages pages = platform.pages(platform.accountMenu(), Optional.empty());
        Roles roles = new Roles(pages.errors());
        DashboardRoutes dashboard = new DashboardRoutes(pages.renderer(), roles, platform.fragments());

        NewsletterRepository newsletters = new NewsletterRepository(platform.database().client());
        SignedLinks links = SignedLinks.from(config);
        NewsletterMails mails = new NewsletterMails(Mailer.from(config), links, platform.site().publicUrl(),
                config.duration(AccountSettings.CONFIRM_TTL), Clock.systemUTC());
        IssueSender sender = new IssueSender(newsletters, mails, config.integer(AccountSettings.SEND_BATCH),
                config.duration(AccountSettings.SEND_LEASE), config.duration(AccountSettings.SEND_PACE))
                .every(config.duration(AccountSettings.SEND_INTERVAL));
        DomainEvents events = platform.domainEvents()
                .on(EventType.MEMBER_DELETED, new MemberErasure(newsletters)::handle);

        return platform.parts(platform.server(pages)
                .route("/", dashboard)
                .route(NewsletterEditorRoutes.MOUNT, new NewsletterEditorRoutes(newsletters, new MarkdownRenderer(),
                        pages.renderer(), roles, sender::sendSoon))
                .route(NewsletterRoutes.MOUNT, new NewsletterRoutes(newsletters, mails, links, pages.renderer(),
                        Clock.systemUTC()))
                .internalRoute(EventRoutes.MOUNT, events.routes()), sender, events);
    }
}
