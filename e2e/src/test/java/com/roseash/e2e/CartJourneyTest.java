package com.roseash.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.roseash.cart.sumup.Checkout;
import com.roseash.cart.sumup.CheckoutRequest;
import com.roseash.cart.sumup.SumUpClient;
import com.roseash.platform.money.Money;
import com.roseash.sumup.standin.SumUpStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shopper's whole journey in a real Chromium, on the local stack (the market, the cart, federation, account, and
 * SumUp's stand-in with its hosted payment page): browse, add two products (the header's count changes with no
 * reload), sign in, check out, have a card declined, see a forged notification change nothing, pay on the second
 * try, find the order paid in the account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CartJourneyTest {

    private Chromium chromium;
    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    void startBrowser() {
        SharedStack.get();
        chromium = new Chromium();
    }

    @AfterAll
    void stopBrowser() {
        chromium.close();
    }

    @BeforeEach
    void openPage() {
        context = chromium.browser.newContext();
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text() + " at " + message.location());
            }
        });
    }

    @AfterEach
    void closePage() {
        context.close();
        List<String> errors = List.copyOf(consoleErrors);
        consoleErrors.clear();
        assertThat(errors).as("console errors (CSP violations show here)").isEmpty();
    }

    @Test
    void browseAddTwoSignInCheckOutPayAfterADeclineAndFindTheOrderInTheAccount() {
        page.navigate(SharedStack.url("market", "/"));
        assertThat(page.locator("header .cart-count").innerText()).isEqualTo("0");

        // A product page, reached by a boosted click, and added to the cart: the header's count changes in place.
        page.locator("#content a[href*='products/bramley-apple-chutney/']").first().click();
        page.waitForURL("**/products/bramley-apple-chutney/");
        page.evaluate("() => { window.stillThisPage = true; }");
        page.locator("#content form.add-to-cart button").click();
        page.waitForCondition(() -> page.locator("header .cart-count").innerText().equals("1"));
        assertThat(page.locator("#content .cart-add-status").innerText()).isEqualTo("Added to your cart");

        page.navigate(SharedStack.url("market", "/products/cider-vinegar/"));
        page.evaluate("() => { window.stillThisPage = true; }");
        page.locator("#content form.add-to-cart input[name=quantity]").fill("2");
        page.locator("#content form.add-to-cart button").click();
        page.waitForCondition(() -> page.locator("header .cart-count").innerText().equals("3"));
        assertThat(page.evaluate("() => window.stillThisPage === true")).as("no reload").isEqualTo(true);
        assertThat(page.locator("header .cart-total").innerText()).isEqualTo("£14.50");

        // The cart, on cart's host, then signing in from there.
        page.locator("header a.cart-mini").click();
        page.waitForURL(SharedStack.url("cart", "/"));
        assertThat(page.locator("#content .cart-line").count()).isEqualTo(2);
        page.locator("#content a.sign-in-to-check-out").click();
        SharedStack.signInAsAdmin(page, SharedStack.url("cart", "/"));
        assertThat(page.locator("#content .cart-line").count()).as("the cart is the member's now").isEqualTo(2);

        page.locator("#content button.checkout-button").click();
        page.waitForURL(SharedStack.url("cart", "/orders/") + "**");
        String orderUrl = page.url();
        String orderId = page.locator("#content article.order").getAttribute("data-order");
        assertThat(page.locator("#content .order-state").innerText()).isEqualTo("pending payment");
        assertThat(page.locator("header .cart-count").innerText()).as("the cart was emptied").isEqualTo("0");

        // SumUp's hosted page: declined first, the order stays payable; paid on the second try.
        page.locator("#content a.pay-button").click();
        page.waitForURL("**/pay/**");
        page.locator("button:has-text('Decline')").click();
        page.waitForURL(orderUrl);
        assertThat(page.locator("#content .order-state").innerText()).isEqualTo("pending payment");

        // A notification of someone else's paid checkout (a penny, another reference) changes nothing.
        SumUpStandIn sumup = SharedStack.get().sumup();
        Checkout penny = new SumUpClient(sumup.baseUrl(), sumup.apiKey(), sumup.merchantCode(), Duration.ofSeconds(5))
                .create(new CheckoutRequest(orderId + "-forged", Money.parse("0.01", "GBP"), null, null, null));
        sumup.pay(penny.id());
        Object answered = page.evaluate("id => fetch('/sumup/notifications', {method: 'POST', headers: {'Content-Type': "
                + "'application/json'}, body: JSON.stringify({event_type: 'CHECKOUT_STATUS_CHANGED', id: id})})"
                + ".then(response => response.status)", penny.id());
        assertThat(answered).isEqualTo(204);
        page.reload();
        assertThat(page.locator("#content .order-state").innerText()).isEqualTo("pending payment");

        page.locator("#content a.pay-button").click();
        page.waitForURL("**/pay/**");
        page.locator("button:has-text('Pay')").click();
        page.waitForURL(orderUrl);
        assertThat(page.locator("#content .order-state").innerText()).isEqualTo("paid");
        assertThat(page.locator("#content .order-total").innerText()).isEqualTo("£14.50");

        // The account shows it, signed in without a password (single sign-on).
        page.navigate(SharedStack.url("account", "/"));
        page.waitForURL(SharedStack.url("account", "/"));
        assertThat(page.locator("#content .member-orders tr[data-order='" + orderId + "'] .order-state").innerText())
                .isEqualTo("paid");
    }

    @Test
    void aProductCardInABlogPostAddsToTheCartFromTheBlogsHostAndSigningOutForgetsTheCart() {
        page.navigate(SharedStack.url("blog", "/posts/bread-workshop/"));
        assertThat(page.locator("header .cart-count").innerText()).isEqualTo("0");
        page.evaluate("() => { window.stillThisPage = true; }");
        page.locator("#content .product-card form.add-to-cart button").click();
        page.waitForCondition(() -> page.locator("header .cart-count").innerText().equals("1"));
        assertThat(page.evaluate("() => window.stillThisPage === true")).as("no reload").isEqualTo(true);
        assertThat(page.url()).isEqualTo(SharedStack.url("blog", "/posts/bread-workshop/"));

        page.navigate(SharedStack.url("cart", "/"));
        assertThat(page.locator("#content .cart-line[data-slug='rye-starter']").count()).isEqualTo(1);

        // Signing in and out on the blog: the browser forgets the cart, so the next person here starts with none.
        page.navigate(SharedStack.url("blog", "/posts/bread-workshop/"));
        page.locator("header a.sign-in").click();
        SharedStack.signInAsAdmin(page, SharedStack.url("blog", "/posts/bread-workshop/"));
        assertThat(page.locator("header .cart-count").innerText()).isEqualTo("1");
        page.locator("header form.sign-out button").click();
        page.waitForURL(SharedStack.url("blog", "/"));
        assertThat(page.locator("header .cart-count").innerText()).as("signed out: no cart").isEqualTo("0");
        assertThat(context.cookies(SharedStack.url("cart", "/"))).noneMatch(cookie -> cookie.name.equals("rose_ash_cart"));
    }

    @Test
    void withJavaScriptOffAddingIsAPlainPostAndARedirectBackToTheProduct() {
        BrowserContext noScript = chromium.browser.newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(false));
        try {
            Page plain = noScript.newPage();
            plain.navigate(SharedStack.url("market", "/products/damson-jam/"));
            plain.locator("#content form.add-to-cart button").click();
            plain.waitForURL(SharedStack.url("market", "/products/damson-jam/"));
            assertThat(plain.locator("header .cart-count").innerText()).isEqualTo("1");
        } finally {
            noScript.close();
        }
    }
}
