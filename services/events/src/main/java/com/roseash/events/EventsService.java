package com.roseash.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.roseash.contract.ServiceName;
import com.roseash.contract.Sockets;
import com.roseash.events.bookings.BookingMails;
import com.roseash.events.bookings.BookingRepository;
import com.roseash.events.bookings.BookingRoutes;
import com.roseash.events.calendars.CalendarRepository;
import com.roseash.events.editor.DemoEvents;
import com.roseash.events.editor.EventEditorRoutes;
import com.roseash.events.feeds.ICalendarFeed;
import com.roseash.events.fragments.EventFragments;
import com.roseash.events.members.MemberErasure;
import com.roseash.events.pages.CalendarPages;
import com.roseash.events.pages.EventPages;
import com.roseash.events.schedule.EventRepository;
import com.roseash.events.schedule.Schedule;
import com.roseash.events.tickets.TicketIssuer;
import com.roseash.events.tickets.TicketMails;
import com.roseash.events.tickets.TicketRepository;
import com.roseash.events.tickets.TicketRoutes;
import com.roseash.events.tickets.TicketStock;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.cache.PageCache;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.DomainMigrations;
import com.roseash.platform.eventroutes.DomainEvents;
import com.roseash.platform.eventroutes.EventRoutes;
import com.roseash.platform.events.EventType;
import com.roseash.platform.fragments.FragmentRoutes;
import com.roseash.platform.fragments.SiteChrome;
import com.roseash.platform.mail.Mailer;
import com.roseash.platform.markdown.MarkdownRenderer;
import com.roseash.platform.market.MarketContract;
import com.roseash.platform.market.SellerRoutes;
import com.roseash.platform.server.RunningService;
import com.roseash.platform.server.ServiceFoundation;
import com.roseash.platform.server.ServiceFoundation.Pages;
import com.roseash.platform.server.ServiceParts;
import io.helidon.dbclient.DbClient;

/** The events service: wiring only. */
public final class EventsService {

    private static final System.Logger LOG = System.getLogger(EventsService.class.getName());
    public static final DomainMigrations MIGRATIONS = new DomainMigrations(ServiceName.EVENTS.id());

    private EventsService() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunningService.runUntilStopped(() -> start(Map.of()));
    }

    /** Starts events with {@code overrides} on top of its configuration (the stack and tests pass ports here). */
    public static RunningService start(Map<String, String> overrides) {
        RunningService started = parts(overrides).start();
        LOG.log(Level.INFO, "Events serving on port " + started.publicPort());
        return started;
    }

    /** Events built from its configuration, not yet on sockets; its mail job runs until the parts are closed. */
    public static ServiceParts parts(Map<String, String> overrides) {
        ServiceFoundation platform = ServiceFoundation.load(ServiceName.EVENTS, EventsSettings.all(), overrides);
        RoseAshConfig config = platform.config();
        DbClient db = platform.database().client();
        String eventsUrl = platform.site().publicUrl();
        Clock clock = Clock.systemUTC();
        PageCache pageCache = platform.pageCache();
        Pages pages = platform.pages(new SiteChrome(platform.fragments()).and(platform.accountMenu()), Optional.of(pageCache));
        Roles roles = new Roles(pages.errors());
        Mailer mailer = Mailer.from(config);

        CalendarRepository calendars = new CalendarRepository(db);
        EventRepository events = new EventRepository(db);
        Schedule schedule = new Schedule(events, clock);
        ICalendarFeed feed = new ICalendarFeed(eventsUrl);
        BookingRepository bookings = new BookingRepository(db);
        TicketStock ticketStock = new TicketStock(db, clock);
        TicketRepository tickets = new TicketRepository(db);
        BookingMails bookingMails = new BookingMails(bookings, mailer, eventsUrl);
        EventMailJob mail = new EventMailJob(bookingMails, new TicketMails(tickets, mailer, eventsUrl))
                .every(config.duration(EventsSettings.MAIL_INTERVAL));
        BookingRoutes bookingRoutes = new BookingRoutes(events, bookings, bookingMails, roles, mail.executor());
        TicketRoutes ticketRoutes = new TicketRoutes(ticketStock, tickets, pages.renderer(), roles, clock,
                platform.site().links().get(ServiceName.CART.id()));
        MarkdownRenderer markdown = new MarkdownRenderer();

        DomainEvents domainEvents = platform.domainEvents()
                .on(EventType.ORDER_PAID, new TicketIssuer(tickets)::handle)
                .on(EventType.MEMBER_DELETED, new MemberErasure(bookings, tickets)::handle);
        EventFragments fragments = new EventFragments(calendars, events, schedule, tickets, bookings, platform.templates(),
                eventsUrl);

        return platform.parts(platform.server(pages)
                .route("/", new CalendarPages(calendars, events, schedule, pages.renderer(), feed))
                .route("/", new EventPages(events, schedule, pages.renderer(), feed, List.of(bookingRoutes, ticketRoutes)))
                .route("/", bookingRoutes)
                .route("/", ticketRoutes)
                .route(EventEditorRoutes.MOUNT, new EventEditorRoutes(calendars, events, ticketStock, bookings, markdown,
                        pages.renderer(), pageCache, roles))
                .internalRoute(Sockets.FRAGMENTS_PATH, fragments.addTo(new FragmentRoutes()))
                .internalRoute(MarketContract.TICKETS_MOUNT, new SellerRoutes(ticketStock))
                .internalRoute(EventRoutes.MOUNT, domainEvents.routes()), mail, domainEvents);
    }

    /** The local stack's first start: loads the demo calendars and events when there are none. */
    public static Optional<Integer> loadDemoEventsIfEmpty(DatabaseSettings settings) {
        try (Database database = Database.connect(settings)) {
            if (!new CalendarRepository(database.client()).isEmpty()) {
                return Optional.empty();
            }
            try (InputStream demo = EventsService.class.getResourceAsStream("/demo/events-demo.json")) {
                if (demo == null) {
                    throw new IllegalStateException("demo/events-demo.json is missing from the events service's resources");
                }
                int loaded = new DemoEvents(new CalendarRepository(database.client()), new EventRepository(database.client()),
                        new TicketStock(database.client(), Clock.systemUTC()), new MarkdownRenderer(), Clock.systemUTC())
                        .load(demo);
                LOG.log(Level.INFO, "Loaded " + loaded + " demo events");
                return Optional.of(loaded);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
