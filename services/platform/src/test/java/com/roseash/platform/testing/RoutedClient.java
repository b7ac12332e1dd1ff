package com.roseash.platform.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSession;

import com.roseash.contract.ServiceName;
import com.roseash.platform.auth.OidcLogin;
import com.roseash.platform.auth.SessionStore;
import com.roseash.platform.cache.RedisCache;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;

/**
 * Requests routed straight into a service's routing (Helidon's {@link DirectClient}: no socket, no
 * server), answered as the JDK's {@link HttpResponse} so a test reads the same as one against a running
 * service. Like a browser it keeps cookies; unlike one it does not follow redirects, so each hop can be
 * checked.
 */
public final class RoutedClient implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final URI BASE = URI.create("http://routed.test");

    private final DirectClient client;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public RoutedClient(HttpRouting.Builder routing) {
        this.client = new DirectClient(routing);
    }

    /** A cookie as if an earlier response had set it (a session made outside the test's requests). */
    public RoutedClient withCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    /**
     * Signed in with the session the sign-in callback would store for {@code claims} (sub, name, email,
     * roles): for tests of one service that skip the round trip through federation.
     */
    public RoutedClient signedIn(RedisCache redis, ServiceName service, Map<String, String> claims) {
        SessionStore sessions = new SessionStore(redis, service.id(), Duration.ofMinutes(30), Duration.ofHours(1));
        Map<String, String> session = new HashMap<>(claims);
        session.putIfAbsent("sid", "s-" + System.nanoTime());
        return withCookie(OidcLogin.SESSION_COOKIE, sessions.create(session).orElseThrow().id());
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(Method.GET, path, null, headers);
    }

    public HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        all.addAll(List.of("Content-Type", "application/x-www-form-urlencoded"));
        return send(Method.POST, path, form(fields), all.toArray(String[]::new));
    }

    /** Posts a form the way a browser does after loading it: with the page's CSRF token. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        Matcher token = CSRF.matcher(get(formPage, "Accept", "text/html").body());
        if (!token.find()) {
            throw new IllegalStateException(formPage + " has no CSRF field");
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token.group(1));
        return post(action, all, "Accept", "text/html");
    }

    /** {@code headers} as name, value pairs. */
    public HttpResponse<String> send(Method method, String path, String body, String... headers) {
        int query = path.indexOf('?');
        Http1ClientRequest request = client.method(method).path(query < 0 ? path : path.substring(0, query))
                .followRedirects(false);
        if (query >= 0) {
            // Gathered per name first: a parameter given twice (?slug=a&slug=b) keeps both values.
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            for (String pair : path.substring(query + 1).split("&")) {
                String[] nameValue = pair.split("=", 2);
                parameters.computeIfAbsent(decode(nameValue[0]), name -> new ArrayList<>())
                        .add(nameValue.length > 1 ? decode(nameValue[1]) : "");
            }
            parameters.forEach((name, values) -> request.queryParam(name, values.toArray(String[]::new)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(HeaderNames.create(headers[i]), headers[i + 1]);
        }
        if (!cookies.isEmpty()) {
            request.header(HeaderNames.COOKIE, cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; ")));
        }
        try (HttpClientResponse response = body == null ? request.request() : request.submit(body)) {
            return answer(response, path);
        }
    }

    private HttpResponse<String> answer(HttpClientResponse response, String path) {
        String body = response.entity().hasEntity() ? response.as(String.class) : "";
        Map<String, List<String>> received = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.headers()) {
            received.computeIfAbsent(header.name(), name -> new ArrayList<>()).addAll(header.allValues());
        }
        keepCookies(received.getOrDefault("Set-Cookie", List.of()));
        return new Answer(response.status().code(), body, HttpHeaders.of(received, (name, value) -> true),
                BASE.resolve(path));
    }

    private void keepCookies(List<String> setCookies) {
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public void close() {
        client.close();
    }

    /** One routed answer in the JDK's shape. */
    private record Answer(int statusCode, String body, HttpHeaders headers, URI uri) implements HttpResponse<String> {

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(uri).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
