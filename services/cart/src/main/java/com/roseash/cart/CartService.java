package com.roseash.cart;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import com.roseash.cart.carts.CartMiniFragment;
import com.roseash.cart.carts.CartPricing;
import com.roseash.cart.carts.CartRepository;
import com.roseash.cart.carts.CartRoutes;
import com.roseash.cart.carts.KeptOffers;
import com.roseash.cart.carts.PlatformOrigins;
import com.roseash.cart.carts.Seller;
import com.roseash.cart.carts.Sellers;
import com.roseash.cart.carts.VisitorCart;
import com.roseash.cart.checkout.CheckoutRoutes;
import com.roseash.cart.checkout.NotificationRoutes;
import com.roseash.cart.checkout.OrderConfirmations;
import com.roseash.cart.checkout.OrderEditorRoutes;
import com.roseash.cart.checkout.OrderPages;
import com.roseash.cart.checkout.OrderPaths;
import com.roseash.cart.checkout.PaymentSettlement;
import com.roseash.cart.checkout.PaymentSettler;
import com.roseash.cart.checkout.Payments;
import com.roseash.cart.checkout.PlaceOrder;
import com.roseash.cart.checkout.StockReleases;
import com.roseash.cart.members.MemberErasure;
import com.roseash.cart.orders.MemberOrdersFragment;
import com.roseash.cart.orders.OrderRepository;
import com.roseash.cart.sumup.SumUpClient;
import com.roseash.contract.ServiceName;
import com.roseash.contract.Sockets;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.db.DomainMigrations;
import com.roseash.platform.eventroutes.DomainEvents;
import com.roseash.platform.eventroutes.EventRoutes;
import com.roseash.platform.events.EventType;
import com.roseash.platform.fragments.FragmentRoutes;
import com.roseash.platform.fragments.SiteChrome;
import com.roseash.platform.mail.Mailer;
import com.roseash.platform.server.RunningService;
import com.roseash.platform.server.ServiceFoundation.Pages;
import com.roseash.platform.server.ServiceFoundation;
import com.roseash.platform.server.ServiceParts;
import com.roseash.platform.server.ServiceServer;
import io.helidon.dbclient.DbClient;

/** The cart service: wiring only. */
public final class CartService {

    private static final System.Logger LOG = System.getLogger(CartService.class.getName());
    public static final DomainMigrations MIGRATIONS = new DomainMigrations(ServiceName.CART.id());

    private CartService() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunningService.runUntilStopped(() -> start(Map.of()));
    }

    /** Starts the cart with {@code overrides} on top of its configuration (the stack and tests pass ports here). */
    public static RunningService start(Map<String, String> overrides) {
        RunningService started = parts(overrides).start();
        LOG.log(Level.INFO, "Cart serving on port " + started.publicPort());
        return started;
    }

    /** The cart built from its configuration, not yet on sockets; its settler runs until the parts are closed. */
    public static ServiceParts parts(Map<String, String> overrides) {
        ServiceFoundation platform = ServiceFoundation.load(ServiceName.CART, CartSettings.all(), overrides);
        RoseAshConfig config = platform.config();
        DbClient db = platform.database().client();
        String cartUrl = platform.site().publicUrl();
        Pages pages = platform.pages(new SiteChrome(platform.fragments()).and(platform.accountMenu()), Optional.empty());
        Roles roles = new Roles(pages.errors());

        Sellers sellers = Sellers.from(config, config.duration(CartSettings.MARKET_TIMEOUT));
        Map<Seller, String> sellerUrls = new EnumMap<>(Seller.class);
        for (Seller seller : Seller.values()) {
            sellerUrls.put(seller, platform.site().links().get(seller.service().id()));
        }
        DomainEvents events = platform.domainEvents();
        CartRepository carts = new CartRepository(db);
        OrderRepository orders = new OrderRepository(db, events.outbox());
        events.on(EventType.MEMBER_DELETED, new MemberErasure(carts, orders)::handle);
        CartPricing pricing = CartPricing.fresh(sellers, sellerUrls);
        CartPricing keptPricing = CartPricing.kept(new KeptOffers(sellers, config.duration(PlatformSettings.FRAGMENT_TTL),
                Clock.systemUTC(), platform.cache().contentChanges()), sellerUrls);
        VisitorCart visitorCart = new VisitorCart(carts, config.string(PlatformSettings.DOMAIN), cartUrl);
        CartMiniFragment mini = new CartMiniFragment(carts, keptPricing, platform.templates(), cartUrl);
        Optional<SumUpClient> sumup = sumUp(config);
        CartRoutes cartPage = new CartRoutes(carts, visitorCart, pricing, sellers, new PlatformOrigins(platform.site()), mini,
                pages.renderer(), sumup.isPresent());

        StockReleases stock = new StockReleases(sellers, orders);
        OrderConfirmations confirmations = new OrderConfirmations(orders, Mailer.from(config), cartUrl);
        Optional<Payments> payments = sumup.map(client -> new Payments(client, orders, cartUrl));
        Optional<PaymentSettlement> settlement = sumup.map(client -> new PaymentSettlement(orders, client, stock, confirmations));
        Optional<CheckoutRoutes.Checkouts> checkouts = payments.map(pay -> new CheckoutRoutes.Checkouts(
                new PlaceOrder(carts, orders, sellers), pay, orders, stock));

        ServiceServer.Builder server = platform.server(pages)
                .route("/", cartPage)
                .route("/", new CheckoutRoutes(visitorCart, cartPage, checkouts, roles, pages.errors()))
                .route(OrderPaths.MOUNT,
                        new OrderPages(orders, payments, settlement, stock, pages.renderer(), roles))
                .route(OrderEditorRoutes.MOUNT, new OrderEditorRoutes(orders, sumup, stock, pages.renderer(), roles,
                        pages.errors()))
                .internalRoute(Sockets.FRAGMENTS_PATH, new MemberOrdersFragment(orders, platform.templates(), cartUrl)
                        .addTo(mini.addTo(new FragmentRoutes())))
                .internalRoute(EventRoutes.MOUNT, events.routes());
        if (settlement.isEmpty()) {
            LOG.log(Level.WARNING, "SumUp is not set up (" + CartSettings.SUMUP_API_KEY.key() + ", "
                    + CartSettings.SUMUP_MERCHANT_CODE.key() + "): carts work, checkout is refused");
            return platform.parts(server, events);
        }
        PaymentSettler settler = new PaymentSettler(orders, settlement.get(), stock, confirmations,
                config.duration(CartSettings.PAYMENT_WINDOW), Clock.systemUTC())
                .every(config.duration(CartSettings.SETTLE_INTERVAL));
        return platform.parts(server.route("/", new NotificationRoutes(sumup.get(), settlement.get())), settler, events);
    }

    /** SumUp's client, when its key and merchant code are set. */
    private static Optional<SumUpClient> sumUp(RoseAshConfig config) {
        Optional<String> key = config.value(CartSettings.SUMUP_API_KEY).filter(value -> !value.isBlank());
        Optional<String> merchant = config.value(CartSettings.SUMUP_MERCHANT_CODE).filter(value -> !value.isBlank());
        if (key.isEmpty() || merchant.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SumUpClient(URI.create(config.string(CartSettings.SUMUP_API_URL)), key.get(), merchant.get(),
                config.duration(CartSettings.SUMUP_TIMEOUT)));
    }
}
