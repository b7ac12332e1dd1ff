package com.roseash.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium, driven by Playwright. Run as root it needs --no-sandbox; the other flags keep it
 * off the network this machine does not have.
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("ROSE_ASH_CHROMIUM", "/usr/bin/chromium"));

    public final Playwright playwright;
    public final Browser browser;

    public Chromium() {
        this(List.of());
    }

    /** With more command-line switches, such as host resolver rules. */
    public Chromium(List<String> extraArguments) {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Chromium not found at " + EXECUTABLE
                    + ": install Debian's package (apt-get install -y chromium); bin/test does this");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(Stream.concat(Stream.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"),
                        extraArguments.stream()).toList()));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
