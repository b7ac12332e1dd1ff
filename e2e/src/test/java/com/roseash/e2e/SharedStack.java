package com.roseash.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;

import com.microsoft.playwright.Page;
import com.roseash.stack.LocalStack;
import com.roseash.stack.StackOptions;

/** One local stack for all browser tests, on a free port with a fresh data directory; stopped at exit. */
final class SharedStack {

    private static LocalStack stack;
    private static String adminPassword;

    private SharedStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            try {
                stack = LocalStack.start(new StackOptions(0, Files.createTempDirectory("rose-ash-e2e"),
                        Optional.empty(), Optional.empty(), true));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            adminPassword = stack.adminPassword().orElseThrow();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }

    /** The demo admin's password, printed by the stack on its first start. */
    static String adminPassword() {
        get();
        return adminPassword;
    }

    /**
     * On federation's sign-in form, where a "Sign in" link led {@code page}: signs the demo admin in, and waits
     * until federation sends the browser back to {@code returnUrl}.
     */
    static void signInAsAdmin(Page page, String returnUrl) {
        page.waitForURL(url("federation", "/login") + "**");
        page.locator("input[name=email]").fill(LocalStack.ADMIN_EMAIL);
        page.locator("input[name=password]").fill(adminPassword());
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(returnUrl);
    }

    static String url(String service, String path) {
        return "http://" + service + ".rose-ash.localhost:" + get().gatewayPort() + path;
    }
}
