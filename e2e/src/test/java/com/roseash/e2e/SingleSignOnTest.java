package com.roseash.e2e;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.roseash.stack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in across hosts in a real Chromium: the blog sends the visitor to federation and gets them back signed in. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnTest {

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
            // A wrong password answers 401, which Chromium reports as a failed resource; that is the point of the test.
            if ("error".equals(message.type()) && !message.text().contains("401")) {
                consoleErrors.add(message.text() + " at " + message.location());
            }
        });
    }

    @AfterEach
    void closePage() {
        context.close();
        assertThat(consoleErrors).as("console errors (CSP violations show here)").isEmpty();
        consoleErrors.clear();
    }

    @Test
    void signInFromTheBlogLandsOnFederationAndComesBackSignedIn() {
        page.navigate(SharedStack.url("blog", "/about/"));
        assertThat(page.locator("header a.sign-in").count()).isEqualTo(1);

        page.locator("header a.sign-in").click();
        page.waitForURL(SharedStack.url("federation", "/login") + "**");
        page.locator("input[name=email]").fill(LocalStack.ADMIN_EMAIL);
        page.locator("input[name=password]").fill(SharedStack.adminPassword());
        page.locator("form[action='/login'] button[type=submit]").click();

        page.waitForURL(SharedStack.url("blog", "/about/"));
        assertThat(page.locator("header [data-account-menu=federation] .signed-in-as").innerText())
                .as("the account menu is federation's fragment").isEqualTo("Administrator");
        assertThat(page.locator("#content h1").innerText()).isEqualTo("About");
        assertThat(context.cookies(SharedStack.url("blog", "/")))
                .anySatisfy(cookie -> {
                    assertThat(cookie.name).isEqualTo("rose_ash_session");
                    assertThat(cookie.httpOnly).isTrue();
                });
    }

    @Test
    void signedInOnTheBlogTheAccountServiceSignsInWithoutAPassword() {
        signInOnTheBlog();
        List<String> visited = new ArrayList<>();
        page.onFrameNavigated(frame -> visited.add(frame.url()));

        page.navigate(SharedStack.url("account", "/"));
        page.waitForURL(SharedStack.url("account", "/"));

        assertThat(page.locator(".profile-name").innerText()).isEqualTo("Administrator");
        assertThat(page.locator(".profile-email").innerText()).isEqualTo(LocalStack.ADMIN_EMAIL);
        assertThat(visited).as("no sign-in form on the way").noneMatch(url -> url.contains("/login"));
    }

    @Test
    void signingOutOnTheBlogSignsOutEverywhere() {
        signInOnTheBlog();
        page.navigate(SharedStack.url("account", "/"));
        page.waitForURL(SharedStack.url("account", "/"));
        assertThat(page.locator(".profile-name").innerText()).isEqualTo("Administrator");

        page.navigate(SharedStack.url("blog", "/"));
        page.locator("header form.sign-out button").click();
        page.waitForURL(SharedStack.url("blog", "/"));
        assertThat(page.locator("header a.sign-in").count()).isEqualTo(1);

        page.navigate(SharedStack.url("account", "/"));
        page.waitForURL(SharedStack.url("federation", "/login") + "**");
        assertThat(page.locator("form[action='/login']").count()).as("the account service asks for a sign-in again").isEqualTo(1);
    }

    @Test
    void anEditorWritesAndPublishesAPostThatAppearsOnTheHomePage() {
        signInOnTheBlog();
        page.navigate(SharedStack.url("blog", "/editor/new?kind=post"));
        String title = "Seed swap on the first of March " + System.nanoTime();
        page.locator("input[name=title]").fill(title);
        page.locator("textarea[name=markdown]").fill("Bring **seeds** in labelled envelopes.");
        page.locator("input[name=tags]").fill("Garden");

        page.locator("button[value=publish]").click();
        page.locator("#content .status-published").waitFor();

        page.navigate(SharedStack.url("blog", "/"));
        assertThat(page.locator("#content .post-list a.post-link").first().innerText()).isEqualTo(title);
        page.locator("#content .post-list a.post-link").first().click();
        page.waitForURL("**/posts/**");
        assertThat(page.locator("#content .post-body strong").innerText()).isEqualTo("seeds");
    }

    private void signInOnTheBlog() {
        page.navigate(SharedStack.url("blog", "/"));
        page.locator("header a.sign-in").click();
        SharedStack.signInAsAdmin(page, SharedStack.url("blog", "/"));
        assertThat(page.locator("header .signed-in-as").innerText()).isEqualTo("Administrator");
    }

    @Test
    void aWrongPasswordKeepsTheVisitorOnFederationWithAReason() {
        page.navigate(SharedStack.url("blog", "/"));
        page.locator("header a.sign-in").click();
        page.waitForURL(SharedStack.url("federation", "/login") + "**");
        page.locator("input[name=email]").fill(LocalStack.ADMIN_EMAIL);
        page.locator("input[name=password]").fill("not-the-password");
        page.locator("form[action='/login'] button[type=submit]").click();

        page.locator(".form-error").waitFor();
        assertThat(page.locator(".form-error").innerText()).contains("Wrong e-mail address or password");
        assertThat(page.url()).startsWith(SharedStack.url("federation", "/login"));
    }
}
