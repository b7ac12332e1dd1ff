package com.roseash.cart.carts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.roseash.platform.auth.OidcLogin;
import com.roseash.platform.csrf.CsrfExempt;
import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.market.MarketContract;
import com.roseash.platform.market.MarketUnavailable;
import com.roseash.platform.visitor.CurrentUser;
import com.roseash.platform.web.FormData;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Slugs;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.ForbiddenException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The cart's page (mounted at the root of cart's host): the visitor's cart priced by the market, quantities to
 * change, lines to remove, and the way to checkout. And {@value #ADD}, where product pages and product cards on
 * every service's host post "add to cart".
 *
 * <p>Adding works with JavaScript off: a plain post, answered with a redirect back to the page named in
 * {@code return} (a platform address) or to the cart. With JavaScript the page posts the same form with
 * {@code ?fragment=cart-mini} and puts the answer, the new {@code cart-mini}, in its header.
 */
public final class CartRoutes implements HttpService, CsrfExempt {

    public static final String ADD = "/add";
    /** Where the cart page's checkout button posts (checkout's route). */
    public static final String CHECKOUT = "/checkout";
    /** The query parameter asking {@value #ADD} to answer with the header's new {@code cart-mini}. */
    public static final String FRAGMENT_ANSWER = "fragment";

    private final CartRepository carts;
    private final VisitorCart visitorCart;
    private final CartPricing pricing;
    private final Sellers sellers;
    private final PlatformOrigins origins;
    private final CartMiniFragment mini;
    private final PageRenderer renderer;
    private final boolean paymentsSetUp;

    public CartRoutes(CartRepository carts, VisitorCart visitorCart, CartPricing pricing, Sellers sellers,
                      PlatformOrigins origins, CartMiniFragment mini, PageRenderer renderer, boolean paymentsSetUp) {
        this.carts = carts;
        this.visitorCart = visitorCart;
        this.pricing = pricing;
        this.sellers = sellers;
        this.origins = origins;
        this.mini = mini;
        this.renderer = renderer;
        this.paymentsSetUp = paymentsSetUp;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (request, response) -> show(request, response, Status.OK_200, ""))
                .post(ADD, this::add)
                .post("/items/{seller}/{slug}", this::change)
                .post("/items/{seller}/{slug}/remove", this::remove);
    }

    @Override
    public List<String> csrfExemptPaths() {
        return List.of(ADD);
    }

    /** The cart page, with {@code problem} (why checkout did not happen) when there is one. */
    public void show(ServerRequest request, ServerResponse response, Status status, String problem) {
        Optional<String> cart = visitorCart.existing(request, response);
        PricedCart priced = pricing.price(cart.map(carts::items).orElse(List.of()));
        Map<String, Object> model = new HashMap<>();
        model.put("cart", priced);
        model.put("problem", problem);
        model.put("paymentsSetUp", paymentsSetUp);
        model.put("signInPath", OidcLogin.loginPath("/"));
        model.put("checkoutPath", CHECKOUT);
        model.put("signedIn", CurrentUser.of(request).isPresent());
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        renderer.renderStatus(request, response, status, new Page("Your cart", "cart/cart", model));
    }

    private void add(ServerRequest request, ServerResponse response) {
        Optional<String> origin = origins.of(request);
        if (origin.isEmpty()) {
            throw new ForbiddenException("Adding to a cart is accepted only from this platform's own pages.");
        }
        Parameters form = FormData.of(request);
        String sellerId = form.first("seller").orElse(Seller.MARKET.id());
        Seller seller = Seller.of(sellerId).orElseThrow(() -> ErrorResponses.badRequest(
                "seller must be market or events, not \"" + sellerId + "\""));
        String slug = form.first("slug").orElse("");
        if (!Slugs.isValid(slug)) {
            throw ErrorResponses.badRequest("slug must name an item: lowercase letters, digits and hyphens");
        }
        int quantity = quantity(form.first("quantity").orElse("1"));
        try {
            if (sellers.of(seller).offers(List.of(slug)).isEmpty()) {
                throw new NotFoundException("There is no " + (seller == Seller.MARKET ? "product " : "ticket ") + slug
                        + " for sale.");
            }
        } catch (MarketUnavailable e) {
            // The seller is down: the item is added all the same, and priced (or refused) when it is back.
        }
        String cart = visitorCart.orNew(request, response);
        List<CartItem> items = carts.items(cart);
        if (items.size() >= MarketContract.MAX_LINES
                && items.stream().noneMatch(item -> item.seller() == seller && item.slug().equals(slug))) {
            // An order holds at most this many products, and the market prices no more at once.
            throw new HttpException("A cart holds at most " + MarketContract.MAX_LINES + " different products.",
                    Status.CONFLICT_409, true);
        }
        carts.add(cart, seller, slug, quantity);
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        if (request.query().first(FRAGMENT_ANSWER).orElse("").equals(CartMiniFragment.TYPE)) {
            // Read by the page's script on another of the platform's hosts, with the cart cookie: CORS with credentials.
            response.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin.get())
                    .header(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                    .header(HeaderNames.VARY, "Origin")
                    .header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8")
                    .send(mini.html(Optional.of(cart)));
            return;
        }
        String back = form.first("return").filter(origins::isPlatformUrl).orElse("/");
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, back).send();
    }

    private void change(ServerRequest request, ServerResponse response) {
        Seller seller = seller(request);
        String slug = Slugs.fromPath(request, "item");
        int quantity = FormData.of(request).first("quantity").map(CartRoutes::quantityOrZero)
                .orElseThrow(() -> ErrorResponses.badRequest("quantity is required: 0 to " + CartRepository.MAX_QUANTITY));
        visitorCart.existing(request, response).ifPresent(cart -> carts.setQuantity(cart, seller, slug, quantity));
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/").send();
    }

    private void remove(ServerRequest request, ServerResponse response) {
        Seller seller = seller(request);
        String slug = Slugs.fromPath(request, "item");
        visitorCart.existing(request, response).ifPresent(cart -> carts.remove(cart, seller, slug));
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/").send();
    }

    private static Seller seller(ServerRequest request) {
        String id = request.path().pathParameters().get("seller");
        return Seller.of(id).orElseThrow(() -> new NotFoundException("There is no seller " + id + "."));
    }

    private static int quantity(String text) {
        int quantity = quantityOrZero(text);
        if (quantity == 0) {
            throw ErrorResponses.badRequest("quantity must be 1 to " + CartRepository.MAX_QUANTITY + ", not \"" + text + "\"");
        }
        return quantity;
    }

    /** 0 to {@link CartRepository#MAX_QUANTITY}; anything else is a 400 saying so. */
    private static int quantityOrZero(String text) {
        try {
            int quantity = Integer.parseInt(text.strip());
            if (quantity >= 0 && quantity <= CartRepository.MAX_QUANTITY) {
                return quantity;
            }
        } catch (NumberFormatException e) {
            // Said below, with the value.
        }
        throw ErrorResponses.badRequest("quantity must be 0 to " + CartRepository.MAX_QUANTITY + ", not \"" + text + "\"");
    }
}
