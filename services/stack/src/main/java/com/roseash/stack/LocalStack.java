package com.roseash.stack;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.roseash.account.AccountService;
import com.roseash.blog.BlogService;
import com.roseash.cart.CartService;
import com.roseash.cart.CartSettings;
import com.roseash.contract.ServiceName.SignOn;
import com.roseash.contract.ServiceName;
import com.roseash.events.EventsService;
import com.roseash.federation.FederationService;
import com.roseash.market.MarketService;
import com.roseash.migrate.Domains;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.Migrator;
import com.roseash.platform.server.RouteGroup;
import com.roseash.platform.server.RunningService;
import com.roseash.platform.server.ServiceParts;
import com.roseash.sumup.standin.SumUpStandIn;

/**
 * The whole platform on one machine, in one process: PostgreSQL and Redis (embedded unless configured),
 * the same migrator the cluster's Job runs, every landed service on loopback ports, and the gateway
 * that routes by Host like the cluster's ingress.
 */
public final class LocalStack implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalStack.class.getName());

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<ServiceName, RunningService> services = new EnumMap<>(ServiceName.class);
    private final Map<ServiceName, List<RouteGroup>> publicGroups = new EnumMap<>(ServiceName.class);
    private final Gateway gateway;
    private final SumUpStandIn sumup;
    private final LocalMail mail;
    private final DatabaseSettings database;
    private final String redisUrl;
    private Optional<String> adminPassword = Optional.empty();

    /**
     * How the stack starts each landed service (the contract's list); {@code LocalStackTest} fails when the
     * two differ. The sign-on provider starts first, so the others find it when they first render a page.
     */
    static final Map<ServiceName, Function<Map<String, String>, ServiceParts>> STARTERS = Map.of(
            ServiceName.FEDERATION, FederationService::parts,
            ServiceName.BLOG, BlogService::parts,
            ServiceName.ACCOUNT, AccountService::parts,
            ServiceName.MARKET, MarketService::parts,
            ServiceName.CART, CartService::parts,
            ServiceName.EVENTS, EventsService::parts);
    public static final String ADMIN_EMAIL = "admin@rose-ash.localhost";
    /**
     * The stack's domain: service s at {@code s.rose-ash.localhost}, as a platform's at {@code s.<domain>}.
     * Not the bare {@code localhost}: browsers refuse a cookie for {@code Domain=localhost} and count
     * {@code blog.localhost} and {@code cart.localhost} as different sites, so a cart shared by the services
     * (its cookie on the domain, a blog page's form posting to cart) could not work there.
     */
    public static final String DOMAIN = "rose-ash.localhost";

    /** Told once each part of the stack is up: what {@code bin/stack} prints, one line per part. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (part, detail) -> { };

        void ready(String part, String detail);
    }

    private LocalStack(StackOptions options, Progress progress) {
        try {
            long begun = System.nanoTime();
            if (options.database().isPresent()) {
                StackOptions.ExternalDatabase external = options.database().get();
                database = new DatabaseSettings(external.url(), external.user(), external.password(), 5);
                progress.ready("postgres", "yours: " + withoutCredentials(external.url()));
            } else {
                LocalPostgres postgres = keep(LocalPostgres.start(options.dataDirectory()));
                database = postgres.settings();
                progress.ready("postgres", "embedded, port " + postgres.port() + since(begun));
            }
            begun = System.nanoTime();
            if (options.redisUrl().isPresent()) {
                redisUrl = options.redisUrl().get();
                progress.ready("redis", "yours: " + withoutCredentials(redisUrl));
            } else {
                LocalRedis redis = keep(LocalRedis.start());
                redisUrl = redis.url();
                progress.ready("redis", redis.description() + since(begun));
            }

            begun = System.nanoTime();
            int applied = 0;
            List<Migrator.Applied> schemas = new Migrator(database, Domains.ALL).migrateAll();
            for (Migrator.Applied schema : schemas) {
                LOG.log(Level.INFO, "Schema " + schema.domain() + " at version " + schema.version());
                applied += schema.migrationsExecuted();
            }
            progress.ready("schemas", schemas.size() + " up to date, " + applied + " migrations applied" + since(begun));

            // SumUp is played by its stand-in: checkout works locally, and no payment leaves the machine.
            sumup = keep(SumUpStandIn.start());
            progress.ready("sumup", "stand-in at " + sumup.baseUrl());

            gateway = keep(new Gateway(options.gatewayPort()));
            // Mail is caught on this machine: the services send for real (confirmations, newsletters), nothing leaves.
            mail = keep(LocalMail.start());
            gateway.route("mail." + DOMAIN, mail.pagePort());
            progress.ready("mail", "caught on this machine, read at " + mailboxUrl());
            Map<ServiceName, ServicePorts> ports = new EnumMap<>(ServiceName.class);
            for (ServiceName service : startOrder()) {
                ports.put(service, ServicePorts.allocate());
            }

            Map<String, String> shared = new HashMap<>();
            shared.put(PlatformSettings.DB_URL.key(), database.url());
            shared.put(PlatformSettings.DB_USER.key(), database.user());
            shared.put(PlatformSettings.DB_PASSWORD.key(), database.password());
            shared.put(PlatformSettings.REDIS_URL.key(), redisUrl);
            shared.put(PlatformSettings.DOMAIN.key(), DOMAIN);
            // What the operator generates into the platform Secret; a fresh set per start is enough locally.
            shared.put(PlatformSettings.SESSION_SECRET.key(), Secrets.random());
            shared.put(PlatformSettings.MAIL_HOST.key(), "127.0.0.1");
            shared.put(PlatformSettings.MAIL_PORT.key(), String.valueOf(mail.smtpPort()));
            shared.put(PlatformSettings.MAIL_SECURITY.key(), "none");
            shared.put(CartSettings.SUMUP_API_URL.key(), sumup.baseUrl().toString());
            shared.put(CartSettings.SUMUP_API_KEY.key(), sumup.apiKey());
            shared.put(CartSettings.SUMUP_MERCHANT_CODE.key(), sumup.merchantCode());
            for (ServiceName service : ServiceName.values()) {
                shared.put(PlatformSettings.publicUrl(service).key(), publicUrl(service));
                if (ports.containsKey(service)) {
                    shared.put(PlatformSettings.internalUrl(service).key(), ports.get(service).internalUrl());
                    shared.put(PlatformSettings.clientSecret(service).key(), Secrets.random());
                }
            }

            for (ServiceName service : startOrder()) {
                begun = System.nanoTime();
                ServiceParts parts = STARTERS.get(service).apply(withPorts(shared, ports.get(service)));
                RunningService running = keep(start(parts));
                progress.ready(service.id(), "started" + since(begun));
                services.put(service, running);
                publicGroups.put(service, parts.server().publicGroups());
                gateway.route(service.id() + "." + DOMAIN, running.publicPort());
                if (service.servesApex()) {
                    gateway.route(DOMAIN, running.publicPort());
                    gateway.route("localhost", running.publicPort());
                    gateway.route("127.0.0.1", running.publicPort());
                }
            }

            if (options.loadDemoContent()) {
                BlogService.loadDemoContentIfEmpty(database).ifPresent(summary -> progress.ready("demo", "blog content loaded"));
                MarketService.loadDemoProductsIfEmpty(database)
                        .ifPresent(count -> progress.ready("demo", count + " market products loaded"));
                EventsService.loadDemoEventsIfEmpty(database)
                        .ifPresent(count -> progress.ready("demo", count + " events loaded"));
                String password = Secrets.password();
                adminPassword = FederationService.createAdminIfNoUsers(database, ADMIN_EMAIL, password).map(admin -> password);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The landed services, the sign-on provider first. */
    static List<ServiceName> startOrder() {
        List<ServiceName> order = new ArrayList<>(ServiceName.landed());
        order.sort(Comparator.comparing(service -> service.signOn() != SignOn.PROVIDER));
        return order;
    }

    private static RunningService start(ServiceParts parts) {
        try {
            return parts.start();
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    public static LocalStack start(StackOptions options) {
        return start(options, Progress.NONE);
    }

    public static LocalStack start(StackOptions options, Progress progress) {
        return new LocalStack(options, progress);
    }

    /** A database or Redis URL fit to print: no {@code user:password@}, no query (JDBC's may hold a password). */
    static String withoutCredentials(String url) {
        return url.replaceFirst("\\?.*", "").replaceFirst("//[^/@]*@", "//");
    }

    private static String since(long begun) {
        return String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - begun) / 1e9);
    }

    public int gatewayPort() {
        return gateway.port();
    }

    public DatabaseSettings database() {
        return database;
    }

    /** The Redis the services share: for tools that seed it, as the benchmark seeds a signed-in session. */
    public String redisUrl() {
        return redisUrl;
    }

    /** SumUp as the stack's cart sees it (tests pay, decline and forge notifications with it). */
    public SumUpStandIn sumup() {
        return sumup;
    }

    /** The mail the services sent (tests follow the links in it). */
    public LocalMail mail() {
        return mail;
    }

    /** The mailbox page, through the gateway. */
    public String mailboxUrl() {
        return "http://mail." + DOMAIN + ":" + gateway.port() + "/";
    }

    /** The demo admin's password, on the start that created the admin only. */
    public Optional<String> adminPassword() {
        return adminPassword;
    }

    public RunningService service(ServiceName name) {
        return services.get(name);
    }

    /** A running service's public route groups (a test reads its routes from them). */
    public List<RouteGroup> publicGroups(ServiceName name) {
        return publicGroups.get(name);
    }

    /** What the stack prints on start: each service's browser URL. */
    public Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("home", "http://localhost:" + gatewayPort() + "/");
        for (ServiceName service : services.keySet()) {
            urls.put(service.id(), publicUrl(service));
        }
        return urls;
    }

    private String publicUrl(ServiceName service) {
        return "http://" + service.id() + "." + DOMAIN + ":" + gateway.port() + "/";
    }

    private static Map<String, String> withPorts(Map<String, String> shared, ServicePorts ports) {
        Map<String, String> overrides = new HashMap<>(shared);
        overrides.putAll(ports.asOverrides());
        return overrides;
    }

    private <T extends AutoCloseable> T keep(T resource) {
        started.add(resource);
        return resource;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Stopping " + started.get(i).getClass().getSimpleName() + " failed: " + e);
            }
        }
        started.clear();
    }
}
