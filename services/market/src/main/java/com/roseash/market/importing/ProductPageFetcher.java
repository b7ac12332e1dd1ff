package com.roseash.market.importing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a page someone pasted, for import, without letting the address turn us against ourselves: only http(s)
 * to public addresses (checked on every redirect hop, redirects followed here, not by the client), at most
 * {@value #MAX_REDIRECTS} redirects, {@value #MAX_BODY_BYTES} bytes, {@link #DEFAULT_TIMEOUT} overall, and only
 * 2xx HTML. Every refusal is an {@link ImportRefused} an editor can read.
 *
 * <p>Not covered: the client resolves the host again when it connects, so a name whose DNS answer changes between
 * our check and the connection (DNS rebinding) could still reach an address we refused. The check does stop
 * literal addresses, redirects to them, and names that resolve to them, which is what a pasted URL can do.
 */
public final class ProductPageFetcher implements AutoCloseable {

    public static final int MAX_REDIRECTS = 5;
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final String USER_AGENT = "RoseAsh-ProductImport/1.0 (Rose Ash market; imports one product page)";

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");

    private final boolean allowLoopback;
    private final Duration timeout;
    private final HttpClient http;

    /** For production: public addresses only, {@link #DEFAULT_TIMEOUT}. */
    public ProductPageFetcher() {
        this(false, DEFAULT_TIMEOUT);
    }

    /**
     * @param allowLoopback let loopback addresses through (tests, the local stack); private and link-local
     *                      addresses stay refused even so
     * @param timeout       for the whole fetch, redirects and body included
     */
    public ProductPageFetcher(boolean allowLoopback, Duration timeout) {
        this(allowLoopback, timeout, HttpClient.Builder.NO_PROXY);
    }

    /**
     * @param proxies where connections go: production never uses a proxy, so the connection goes to the address
     *                we checked; tests send every address but loopback to a local sink, so a broken check is seen
     *                there and never reaches a real network
     */
    ProductPageFetcher(boolean allowLoopback, Duration timeout, ProxySelector proxies) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
        }
        this.allowLoopback = allowLoopback;
        this.timeout = timeout;
        // HTTP/1.1: cancelling a body we stop reading then closes its connection, and no h2c upgrade is tried.
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(proxies)
                .connectTimeout(timeout)
                .build();
    }

    public Duration timeout() {
        return timeout;
    }

    public boolean allowsLoopback() {
        return allowLoopback;
    }

    /**
     * The page at {@code address}, after at most {@value #MAX_REDIRECTS} redirects.
     *
     * @throws ImportRefused saying why, for anything but a public HTML page that answers in time
     */
    public FetchedPage fetch(String address) {
        URI original = parse(address);
        long deadline = System.nanoTime() + timeout.toNanos();
        URI url = original;
        for (int redirects = 0; ; redirects++) {
            checkWeb(url, original);
            checkAddresses(url, original, deadline);
            HttpResponse<CappedBody.Result> response = send(url, deadline);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (REDIRECTS.contains(status) && location.isPresent()) {
                if (redirects == MAX_REDIRECTS) {
                    throw new ImportRefused(original + " redirected more than " + MAX_REDIRECTS + " times; giving up.");
                }
                url = redirectTarget(url, location.get(), original);
                continue;
            }
            return page(url, response);
        }
    }

    /** Releases the client's threads and connections; every fetch is over by the time it returns, so none waits. */
    @Override
    public void close() {
        http.shutdownNow();
    }

    private FetchedPage page(URI url, HttpResponse<CappedBody.Result> response) {
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new ImportRefused(url + " answered with HTTP status " + status + ", not a page.");
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!isHtml(contentType)) {
            String said = contentType.isBlank() ? "no content type at all" : mediaType(contentType);
            throw new ImportRefused(url + " is not a web page (the server says it is " + said + ").");
        }
        if (response.body().overLimit() || declaredLength(response).orElse(0) > MAX_BODY_BYTES) {
            throw new ImportRefused(url + " is larger than " + MAX_BODY_BYTES / (1024 * 1024)
                    + " MiB; a product page is much smaller, so it was not read.");
        }
        return new FetchedPage(url, new String(response.body().bytes(), charset(contentType)));
    }

    private HttpResponse<CappedBody.Result> send(URI url, long deadline) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(remaining(deadline, url))
                .header("User-Agent", USER_AGENT)
                .header("Accept", "text/html")
                .GET()
                .build();
        CompletableFuture<HttpResponse<CappedBody.Result>> future = http.sendAsync(request, this::body);
        try {
            return future.get(remaining(deadline, url).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true); // aborts the exchange and closes its connection
            throw tookTooLong(url);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ImportRefused("Fetching " + url + " was interrupted.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                throw tookTooLong(url);
            }
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                throw new ImportRefused("Could not connect to " + url.getHost() + " (for " + url + ").", cause);
            }
            if (cause instanceof IOException) {
                throw new ImportRefused(url + " could not be read: the connection failed.", cause);
            }
            throw new ImportRefused(url + " could not be read.", cause);
        }
    }

    /** Which body to read: only a 2xx HTML page's, and only if it does not announce itself as too large. */
    private HttpResponse.BodySubscriber<CappedBody.Result> body(HttpResponse.ResponseInfo info) {
        boolean wanted = info.statusCode() >= 200 && info.statusCode() <= 299
                && isHtml(info.headers().firstValue("Content-Type").orElse(""))
                && info.headers().firstValueAsLong("Content-Length").orElse(0) <= MAX_BODY_BYTES;
        return wanted ? CappedBody.upTo(MAX_BODY_BYTES) : CappedBody.unread();
    }

    private static OptionalLong declaredLength(HttpResponse<?> response) {
        return response.headers().firstValueAsLong("Content-Length");
    }

    private static URI parse(String address) {
        if (address == null || address.isBlank()) {
            throw new ImportRefused("No address was given to import from.");
        }
        try {
            return new URI(address.strip());
        } catch (URISyntaxException e) {
            throw new ImportRefused("\"" + address.strip() + "\" is not a web address.", e);
        }
    }

    private static void checkWeb(URI url, URI original) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            String what = scheme.isEmpty() ? "it has no scheme" : "it is " + scheme + ":";
            throw new ImportRefused(via(url, original) + " is not a web address (" + what
                    + "); only http and https pages can be imported.");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new ImportRefused(via(url, original) + " has no host name; only web pages can be imported.");
        }
    }

    /** Every address the host resolves to must be public: the client may connect to any of them. */
    private void checkAddresses(URI url, URI original, long deadline) {
        for (InetAddress address : resolve(url, deadline)) {
            AddressKind kind = AddressKind.of(address);
            if (kind != AddressKind.PUBLIC && !(kind == AddressKind.LOOPBACK && allowLoopback)) {
                throw new ImportRefused(via(url, original) + " points to " + address.getHostAddress() + ", "
                        + kind.description() + "; only pages on the public web can be imported.");
            }
        }
    }

    /**
     * The host's addresses; a literal address is read, not looked up. A lookup runs on its own (virtual) thread
     * so a slow DNS server counts against the timeout instead of holding the editor's request.
     */
    private InetAddress[] resolve(URI url, long deadline) {
        String host = url.getHost();
        CompletableFuture<InetAddress[]> lookup = new CompletableFuture<>();
        Thread.ofVirtual().name("import-lookup").start(() -> {
            try {
                lookup.complete(InetAddress.getAllByName(host));
            } catch (UnknownHostException | RuntimeException e) {
                lookup.completeExceptionally(e);
            }
        });
        try {
            return lookup.get(remaining(deadline, url).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw tookTooLong(url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportRefused("Fetching " + url + " was interrupted.", e);
        } catch (ExecutionException e) {
            throw new ImportRefused("The host " + host + " could not be found (for " + url + ").", e.getCause());
        }
    }

    private static URI redirectTarget(URI from, String location, URI original) {
        try {
            return from.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ImportRefused(original + " redirected to \"" + location + "\", which is not a web address.", e);
        }
    }

    private Duration remaining(long deadline, URI url) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw tookTooLong(url);
        }
        return Duration.ofNanos(left);
    }

    private ImportRefused tookTooLong(URI url) {
        return new ImportRefused(url + " took longer than " + describe(timeout) + " to answer; giving up.");
    }

    private static String via(URI url, URI original) {
        return url.equals(original) ? url.toString() : original + " redirected to " + url + ", which";
    }

    private static boolean isHtml(String contentType) {
        return HTML_TYPES.contains(mediaType(contentType));
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset parameter of a Content-Type; UTF-8 when there is none or it is one Java does not know. */
    static Charset charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] nameValue = parameter.split("=", 2);
            if (nameValue.length == 2 && nameValue[0].strip().equalsIgnoreCase("charset")) {
                String name = nameValue[1].strip().replace("\"", "").replace("'", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            long seconds = millis / 1000;
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        return millis + " ms";
    }
}
