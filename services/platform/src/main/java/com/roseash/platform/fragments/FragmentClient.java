package com.roseash.platform.fragments;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.roseash.contract.ServiceName;
import com.roseash.contract.Sockets;
import com.roseash.platform.cache.Announcements;
import com.roseash.platform.cache.LocalCache;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.faults.Breakers;
import com.roseash.platform.metrics.RoundTrips;
import com.roseash.platform.web.Urls;
import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.faulttolerance.CircuitBreakerOpenException;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;

/**
 * Fetches HTML fragments from other services' internal sockets, for composing pages.
 *
 * <p>A fragment is decoration: when its service is slow or down, the page renders with an empty
 * placeholder after at most the timeout, the miss is logged and counted
 * ({@code rose_ash_fragments_unavailable_total}), and nothing else fails. A fragment that is the same for
 * every visitor is kept in this process and in Redis for a short TTL, so a busy page neither calls the other
 * service nor Redis on every request; a change the other service announces ({@link Announcements}) drops
 * this process's copy at once.
 */
public final class FragmentClient {

    private static final System.Logger LOG = System.getLogger(FragmentClient.class.getName());

    static final int LOCAL_ENTRIES = 1000;

    private final Map<ServiceName, URI> internalUrls;
    private final RedisCache cache;
    private final Duration timeout;
    private final Duration ttl;
    private final HttpClient http;
    /** Fragments kept in this process: the same for every visitor, so a page costs no round trip for them. */
    private final LocalCache local;
    /** Fragments just found unavailable, as their placeholders, until the breaker would try their service again. */
    private final LocalCache unavailable = new LocalCache(Breakers.DELAY, LOCAL_ENTRIES);
    /** Per service: a hung one is not waited for on every page until it answers again. */
    private final Map<ServiceName, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    /** Last time each fragment's outage was logged: once a minute is enough to notice, not to flood. */
    private final Map<Fragment, Instant> lastLogged = new ConcurrentHashMap<>();

    public FragmentClient(Map<ServiceName, URI> internalUrls, RedisCache cache, Duration timeout, Duration ttl) {
        this.internalUrls = Map.copyOf(internalUrls);
        this.cache = cache;
        this.timeout = timeout;
        this.ttl = ttl;
        this.local = new LocalCache(ttl, LOCAL_ENTRIES);
        // A service that changed its content says so; its fragments here are dropped at once.
        cache.contentChanges().listen(changed -> local.invalidate(
                key -> changed.equals(Announcements.EVERYTHING) || key.startsWith(changed + ":")));
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** A client for the internal URLs, timeout and TTL in {@code config}. */
    public static FragmentClient create(RoseAshConfig config, RedisCache cache) {
        Map<ServiceName, URI> urls = new EnumMap<>(ServiceName.class);
        for (ServiceName service : ServiceName.values()) {
            config.value(PlatformSettings.internalUrl(service)).map(URI::create).ifPresent(url -> urls.put(service, url));
        }
        return new FragmentClient(urls, cache, config.duration(PlatformSettings.FRAGMENT_TIMEOUT),
                config.duration(PlatformSettings.FRAGMENT_TTL));
    }

    /** The fragment's HTML, or its placeholder. Never throws. */
    public String fetch(Fragment fragment) {
        return kept(fragment).orElseGet(() -> fetchShared(fragment, key(fragment)).orElseGet(() -> {
            // Its placeholder for a moment: pages do not ask Redis and the breaker again on every request.
            unavailable.put(key(fragment), placeholder(fragment));
            return placeholder(fragment);
        }));
    }

    /** This process's copy; for a service with no internal URL (not deployed), its placeholder at once. */
    private Optional<String> kept(Fragment fragment) {
        if (!internalUrls.containsKey(fragment.service())) {
            return Optional.of(placeholder(fragment));
        }
        Optional<String> kept = local.get(key(fragment));
        return kept.isPresent() ? kept : unavailable.get(key(fragment));
    }

    private static String key(Fragment fragment) {
        return fragment.service().id() + ":" + fragment.type();
    }

    /** Redis's copy, else the service's answer, which Redis then keeps for the other processes. */
    private Optional<String> fetchShared(Fragment fragment, String key) {
        String cacheKey = "rose-ash:fragment:" + key;
        Optional<String> html = cache.get(cacheKey);
        if (html.isEmpty()) {
            html = fetchFromService(fragment, "");
            html.ifPresent(value -> cache.put(cacheKey, value, ttl));
        }
        html.ifPresent(value -> local.put(key, value));
        return html;
    }

    /**
     * A fragment that depends on its parameters only (the account menu: the page, and who is signed in with
     * their CSRF token, are all parameters): kept in this process per parameters. Empty when its service is
     * slow or down, so the caller can render its own fallback.
     */
    public Optional<String> fetchForParameters(Fragment fragment, Map<String, String> parameters) {
        String query = Urls.query(parameters);
        String key = fragment.service().id() + ":" + fragment.type() + "?" + query;
        return local.get(key, () -> fetchFromService(fragment, query.isEmpty() ? "" : "?" + query));
    }

    /**
     * A fragment that depends on more than its parameters (so it is never kept), with query parameters;
     * empty when its service is slow or down, so the caller can render its own fallback.
     */
    public Optional<String> fetchPersonal(Fragment fragment, Map<String, String> parameters) {
        String query = Urls.query(parameters);
        return fetchFromService(fragment, query.isEmpty() ? "" : "?" + query);
    }

    /** Several fragments at once, fetched in parallel, so a page waits at most one timeout. */
    public Map<Fragment, String> fetchAll(List<Fragment> fragments) {
        Map<Fragment, String> result = new LinkedHashMap<>();
        List<Fragment> missing = new ArrayList<>();
        for (Fragment fragment : fragments) {
            // Kept ones at once (in order, their places held): the threads are for what must travel.
            result.put(fragment, kept(fragment).orElse(null));
            if (result.get(fragment) == null) {
                missing.add(fragment);
            }
        }
        if (missing.isEmpty()) {
            return result;
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<Fragment, Future<String>> pending = new LinkedHashMap<>();
            for (Fragment fragment : missing) {
                pending.put(fragment, executor.submit(() -> fetch(fragment)));
            }
            for (var entry : pending.entrySet()) {
                result.put(entry.getKey(), join(entry.getKey(), entry.getValue()));
            }
        }
        return result;
    }

    public static String placeholder(Fragment fragment) {
        return "<span class=\"fragment-placeholder\" data-fragment=\"" + fragment.type() + "\"></span>";
    }

    private String join(Fragment fragment, Future<String> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return placeholder(fragment);
        } catch (ExecutionException e) {
            return placeholder(fragment);
        }
    }

    private Optional<String> fetchFromService(Fragment fragment, String query) {
        URI base = internalUrls.get(fragment.service());
        if (base == null) {
            return unavailable(fragment, "no internal URL configured");
        }
        URI uri = base.resolve(Sockets.FRAGMENTS_PATH + "/" + fragment.type() + query);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "text/html").build();
        CircuitBreaker breaker = breakers.computeIfAbsent(fragment.service(),
                service -> Breakers.forDependency("fragments-" + service.id()));
        try {
            HttpResponse<String> response = breaker.invoke(() -> send(request));
            if (response.statusCode() != 200) {
                return unavailable(fragment, "HTTP " + response.statusCode());
            }
            return Optional.of(response.body());
        } catch (CircuitBreakerOpenException e) {
            return unavailable(fragment, "not asked: it failed repeatedly, and is tried again every "
                    + Breakers.DELAY.toSeconds() + " s");
        } catch (SendFailed e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return unavailable(fragment, "timed out after " + timeout.toMillis() + " ms");
            }
            return unavailable(fragment, e.getCause().getClass().getSimpleName());
        }
    }

    /** The request's answer; a failure to get one as an unchecked exception, so the breaker counts it. */
    private HttpResponse<String> send(HttpRequest request) {
        RoundTrips.httpCall();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SendFailed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailed(e);
        }
    }

    private static final class SendFailed extends RuntimeException {
        SendFailed(Exception cause) {
            super(cause);
        }
    }

    private Optional<String> unavailable(Fragment fragment, String why) {
        Metrics.globalRegistry().getOrCreate(Counter.builder("rose_ash_fragments_unavailable")
                        .description("Fragments rendered as placeholders because their service was slow or down")
                        .tags(List.of(Metrics.tag("service", fragment.service().id()), Metrics.tag("type", fragment.type()))))
                .increment();
        Instant now = Instant.now();
        Instant last = lastLogged.get(fragment);
        if (last == null || last.isBefore(now.minus(Duration.ofMinutes(1)))) {
            lastLogged.put(fragment, now);
            LOG.log(Level.WARNING, "Fragment " + fragment.service().id() + "/" + fragment.type()
                    + " unavailable (" + why + "); rendering its placeholder");
        }
        return Optional.empty();
    }
}
