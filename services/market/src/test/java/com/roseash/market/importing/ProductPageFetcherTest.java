package com.roseash.market.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The fetcher against a local server on 127.0.0.1 (so loopback is allowed unless a test says not): redirects,
 * refused addresses on any hop, size, time, status and content type. Nothing leaves this machine: refused
 * addresses are refused before a connection is tried.
 */
class ProductPageFetcherTest {

    private static final Duration SHORT = Duration.ofMillis(500);
    private static final String PAGE = "<!doctype html><html><head><title>Mug</title></head><body>Mug</body></html>";
    private static final int MIB = 1024 * 1024;

    private HttpServer server;
    private ExecutorService handlers;
    private String base;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Headers> requestHeaders = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch endlessStopped = new CountDownLatch(1);
    private final AtomicLong endlessWritten = new AtomicLong();
    private final AtomicBoolean endlessWriteFailed = new AtomicBoolean();
    private ProductPageFetcher fetcher;
    private OffMachineSink offMachine;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handlers = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        offMachine = new OffMachineSink();
        fetcher = new ProductPageFetcher(true, SHORT, offMachine.selector());
    }

    @AfterEach
    void stop() {
        release.countDown();
        fetcher.close();
        offMachine.close();
        // Every address but loopback was refused before connecting: nothing tried to leave the machine.
        assertThat(offMachine.received()).as("requests that would have left the machine").isEmpty();
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void fetchesAPageAskingForHtmlAsRoseAsh() {
        FetchedPage page = fetcher.fetch(base + "/page");

        assertThat(page.html()).isEqualTo(PAGE);
        assertThat(page.url()).isEqualTo(URI.create(base + "/page"));
        assertThat(requestHeaders.getFirst().getFirst("User-Agent")).contains("Rose Ash");
        assertThat(requestHeaders.getFirst().getFirst("Accept")).isEqualTo("text/html");
    }

    @Test
    void followsFiveRedirectsAndReportsWhereThePageWasFound() {
        FetchedPage page = fetcher.fetch(base + "/redirect/5");

        assertThat(page.html()).isEqualTo(PAGE);
        assertThat(page.url()).isEqualTo(URI.create(base + "/page"));
        assertThat(hits.get("/redirect/1")).hasValue(1);
    }

    @Test
    void refusesASixthRedirect() {
        ImportRefused refused = refusal(() -> fetcher.fetch(base + "/redirect/6"));

        assertThat(refused.message()).isEqualTo(base + "/redirect/6 redirected more than 5 times; giving up.");
        assertThat(hits).doesNotContainKey("/page");
    }

    @ParameterizedTest(name = "a redirect to {0}")
    @CsvSource(delimiter = '|', value = {
        "http://10.0.0.1/admin                    | 10.0.0.1           | PRIVATE",
        "http://169.254.169.254/latest/meta-data/ | 169.254.169.254    | LINK_LOCAL",
        "http://[::ffff:10.1.2.3]/                | 10.1.2.3           | PRIVATE",
        "http://[fd00::1]/                        | fd00:0:0:0:0:0:0:1 | PRIVATE",
        "http://[fe80::1]/                        | fe80:0:0:0:0:0:0:1 | LINK_LOCAL",
        "http://100.64.0.1/                       | 100.64.0.1         | CARRIER_GRADE_NAT",
        "http://224.0.0.1/                        | 224.0.0.1          | MULTICAST"
    })
    void refusesARedirectToANonPublicAddressWithoutGoingThere(String target, String address, AddressKind kind) {
        long started = System.nanoTime();
        ImportRefused refused = refusal(() -> fetcher.fetch(base + "/to?" + target));

        assertThat(refused.message()).isEqualTo(base + "/to?" + target + " redirected to " + target + ", which points to "
                + address + ", " + kind.description() + "; only pages on the public web can be imported.");
        // Refused on the address alone: a connection to 10.0.0.1 would have run into the timeout instead.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SHORT);
    }

    @Test
    void refusesARedirectToTheAnyLocalAddressWhichWouldReachThisMachine() {
        // 0.0.0.0 connects to this machine: were it not refused, the request would arrive at /page here.
        ImportRefused refused = refusal(() -> fetcher.fetch(base + "/to?http://0.0.0.0:" + server.getAddress().getPort()
                + "/page"));

        assertThat(refused.message()).contains("which points to 0.0.0.0, an any-local address");
        assertThat(hits).doesNotContainKey("/page");
    }

    @Test
    void refusesLoopbackUnlessAllowedWithoutConnecting() {
        try (ProductPageFetcher strict = new ProductPageFetcher(false, SHORT, offMachine.selector())) {
            ImportRefused literal = refusal(() -> strict.fetch(base + "/page"));
            ImportRefused named = refusal(() -> strict.fetch("http://localhost:" + server.getAddress().getPort() + "/page"));
            ImportRefused mapped = refusal(() -> strict.fetch("http://[::ffff:127.0.0.1]:" + server.getAddress().getPort()
                    + "/page"));

            assertThat(literal.message()).isEqualTo(base + "/page points to 127.0.0.1, a loopback address (this machine);"
                    + " only pages on the public web can be imported.");
            assertThat(named.message()).contains("a loopback address");
            assertThat(mapped.message()).contains("points to 127.0.0.1, a loopback address");
        }
        assertThat(hits).isEmpty();
    }

    @Test
    void allowingLoopbackDoesNotAllowPrivateAddresses() {
        assertThat(fetcher.allowsLoopback()).isTrue();
        assertThat(refusal(() -> fetcher.fetch("http://192.168.1.1/")).message())
                .contains("points to 192.168.1.1, a private network address");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ftp://files.example/product.html", "file:///etc/passwd", "gopher://example.com/", "mailto:a@b.example"
    })
    void refusesAddressesThatAreNotWebAddresses(String address) {
        ImportRefused refused = refusal(() -> fetcher.fetch(address));

        assertThat(refused.message()).startsWith(address + " is not a web address (it is ")
                .endsWith("); only http and https pages can be imported.");
    }

    @Test
    void refusesARedirectToAFileUrl() {
        ImportRefused refused = refusal(() -> fetcher.fetch(base + "/to?file:///etc/passwd"));

        assertThat(refused.message()).isEqualTo(base + "/to?file:///etc/passwd redirected to file:///etc/passwd, which is not"
                + " a web address (it is file:); only http and https pages can be imported.");
    }

    @Test
    void refusesTextThatIsNoAddress() {
        assertThat(refusal(() -> fetcher.fetch("not an address")).message())
                .isEqualTo("\"not an address\" is not a web address.");
        assertThat(refusal(() -> fetcher.fetch("   ")).message()).isEqualTo("No address was given to import from.");
        assertThat(refusal(() -> fetcher.fetch("shop.example/mug")).message()).contains("it has no scheme");
    }

    @Test
    void refusesABodyAnnouncedAsOverTwoMebibytes() {
        ImportRefused refused = refusal(() -> fetcher.fetch(base + "/big"));

        assertThat(refused.message())
                .isEqualTo(base + "/big is larger than 2 MiB; a product page is much smaller, so it was not read.");
    }

    @Test
    void refusesAnUnannouncedBodyOverTwoMebibytes() {
        assertThat(refusal(() -> fetcher.fetch(base + "/big-chunked")).message()).contains("is larger than 2 MiB");
    }

    @Test
    void stopsReadingAnEndlessBodyAtTheLimit() throws InterruptedException {
        ImportRefused refused = refusal(() -> fetcher.fetch(base + "/endless"));

        assertThat(refused.message()).contains("is larger than 2 MiB");
        // The client closed the connection: the server's writes fail long before its 64 MiB.
        assertThat(endlessStopped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(endlessWriteFailed).isTrue();
        assertThat(endlessWritten.get()).isLessThan(32L * MIB);
    }

    @Test
    void acceptsABodyOfExactlyTwoMebibytes() {
        assertThat(fetcher.fetch(base + "/exactly-the-limit").html()).hasSize(2 * MIB);
    }

    @Test
    void givesUpOnAServerThatDoesNotAnswer() {
        long started = System.nanoTime();
        ImportRefused refused = refusal(() -> fetcher.fetch(base + "/hang"));

        assertThat(refused.message()).isEqualTo(base + "/hang took longer than 500 ms to answer; giving up.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void givesUpOnABodyThatDripsSlowerThanTheTimeout() {
        long started = System.nanoTime();
        ImportRefused refused = refusal(() -> fetcher.fetch(base + "/drip"));

        assertThat(refused.message()).contains("took longer than 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void theTimeoutCoversAllRedirectsTogether() {
        // Each hop answers in 150 ms, well within the timeout; five of them are not.
        ImportRefused refused = refusal(() -> fetcher.fetch(base + "/slow-redirect/5"));

        assertThat(refused.message()).contains("took longer than 500 ms");
    }

    @Test
    void theDefaultTimeoutIsFiveSeconds() {
        try (ProductPageFetcher production = new ProductPageFetcher()) {
            assertThat(production.timeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(production.allowsLoopback()).isFalse();
        }
        assertThat(ProductPageFetcher.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
        assertThat(ProductPageFetcher.MAX_BODY_BYTES).isEqualTo(2 * MIB);
        assertThat(ProductPageFetcher.MAX_REDIRECTS).isEqualTo(5);
    }

    @Test
    void refusesANotFoundNamingTheStatus() {
        assertThat(refusal(() -> fetcher.fetch(base + "/missing")).message())
                .isEqualTo(base + "/missing answered with HTTP status 404, not a page.");
    }

    @Test
    void refusesAServerError() {
        assertThat(refusal(() -> fetcher.fetch(base + "/broken")).message()).contains("HTTP status 503");
    }

    @Test
    void refusesJson() {
        assertThat(refusal(() -> fetcher.fetch(base + "/json")).message())
                .isEqualTo(base + "/json is not a web page (the server says it is application/json).");
    }

    @Test
    void decodesTheCharsetTheServerNames() {
        assertThat(fetcher.fetch(base + "/latin1").html()).isEqualTo("<html><body>Café crème brûlée</body></html>");
    }

    @Test
    void decodesUtf8WhenNoCharsetIsNamed() {
        assertThat(fetcher.fetch(base + "/no-charset").html()).isEqualTo("<p>Café</p>");
    }

    @Test
    void theCharsetIsReadFromTheContentType() {
        assertThat(ProductPageFetcher.charset("text/html; charset=\"iso-8859-1\"")).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(ProductPageFetcher.charset("text/html;charset=windows-1252").name()).isEqualTo("windows-1252");
        assertThat(ProductPageFetcher.charset("text/html; charset=no-such-charset")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ProductPageFetcher.charset("text/html")).isEqualTo(StandardCharsets.UTF_8);
    }

    private static ImportRefused refusal(ThrowingCallable fetch) {
        Throwable thrown = catchThrowable(fetch);
        assertThat(thrown).as("the fetch should have been refused").isInstanceOf(ImportRefused.class);
        return (ImportRefused) thrown;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        requestHeaders.add(exchange.getRequestHeaders());
        try (exchange) {
            if (path.equals("/page")) {
                send(exchange, 200, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/redirect/") || path.startsWith("/slow-redirect/")) {
                int left = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
                if (path.startsWith("/slow-")) {
                    sleep(150);
                }
                String prefix = path.substring(0, path.lastIndexOf('/') + 1);
                redirect(exchange, left <= 1 ? "/page" : prefix + (left - 1));
            } else if (path.equals("/to")) {
                redirect(exchange, exchange.getRequestURI().getRawQuery());
            } else if (path.equals("/big")) {
                send(exchange, 200, "text/html", new byte[3 * MIB]);
            } else if (path.equals("/big-chunked")) {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(new byte[3 * MIB]);
            } else if (path.equals("/endless")) {
                endless(exchange);
            } else if (path.equals("/exactly-the-limit")) {
                byte[] body = new byte[2 * MIB];
                Arrays.fill(body, (byte) 'a');
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(body);
            } else if (path.equals("/hang")) {
                await(release);
            } else if (path.equals("/drip")) {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 0);
                for (int i = 0; i < 100 && release.getCount() > 0; i++) {
                    exchange.getResponseBody().write('.');
                    exchange.getResponseBody().flush();
                    sleep(100);
                }
            } else if (path.equals("/missing")) {
                send(exchange, 404, "text/html", "<h1>Not Found</h1>".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/broken")) {
                send(exchange, 503, "text/html", "<h1>Down</h1>".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/json")) {
                send(exchange, 200, "application/json", "{\"name\":\"Mug\"}".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/latin1")) {
                send(exchange, 200, "text/html; charset=ISO-8859-1",
                        "<html><body>Café crème brûlée</body></html>".getBytes(StandardCharsets.ISO_8859_1));
            } else if (path.equals("/no-charset")) {
                send(exchange, 200, "text/html", "<p>Café</p>".getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 404, "text/plain", new byte[0]);
            }
        }
    }

    private void endless(HttpExchange exchange) {
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            OutputStream body = exchange.getResponseBody();
            while (endlessWritten.get() < 64L * MIB) {
                body.write(chunk);
                endlessWritten.addAndGet(chunk.length);
            }
        } catch (IOException clientWentAway) {
            endlessWriteFailed.set(true);
        } finally {
            endlessStopped.countDown();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(302, -1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
