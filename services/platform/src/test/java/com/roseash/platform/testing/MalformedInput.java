package com.roseash.platform.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.roseash.platform.csrf.CsrfProtection;
import com.roseash.platform.testing.PublicRoutes.Route;
import io.helidon.http.Method;
import org.junit.jupiter.api.DynamicTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract that no input gives a 500: every public route of a running service is sent malformed input over
 * a real socket (NUL and invalid UTF-8 in path segments and parameters, a stray {@code %}, overlong segments,
 * huge query strings, wrong methods, wrong content types, malformed forms), and each answer must be a refusal
 * rendered in the layout (the request asks for HTML), with no stack trace logged at WARNING or above.
 * Services get it by being started by the local stack ({@code MalformedInputTest} in services/stack); their
 * routes are read from their wiring ({@link PublicRoutes}).
 */
public final class MalformedInput {

    /** What a browser's navigation sends. */
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /** The layout's header: an error page in the layout has it. */
    static final String LAYOUT = "class=\"site-header\"";
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]*}|\\*");
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile(CsrfProtection.COOKIE + "=([^;]+)");

    /** Segments no route may accept: broken encodings and bytes that are not text. */
    static final List<String> BAD_SEGMENTS = List.of("%00", "a%00b", "%C3%28", "%FF%FE", "%", "%zz", "a%2",
            "\u0000", "\u00ff\u00fe", "\u0001", "%0D%0ALocation:%20x");
    /** Query values with broken encodings. */
    static final List<String> BAD_VALUES = List.of("%00", "%C3%28", "%", "%zz", "\u00ff", "\u0000", "%0D%0A");
    /** Refused in an address, but a textarea's line break in a form. */
    private static final String LINE_BREAK = "%0D%0A";
    /** Odd but well-formed values: a route may ignore them, but must not fail on them. */
    static final List<String> ODD_VALUES = List.of("-1", "0", "99999999999999999999", "x".repeat(300), "//evil.example/",
            "https://evil.example/", "%2e%2e%2f%2e%2e%2f");
    /** Names routes read from queries and forms. */
    static final List<String> NAMES = List.of("page", "q", "return", "tag", "client_id", "redirect_uri", "response_type",
            "scope", "state", "nonce", "code", "code_challenge", "code_challenge_method", "grant_type", "code_verifier",
            "post_logout_redirect_uri", "id_token_hint", "error", "email", "password", "name", "title", "slug", "kind",
            "body", "markdown", "status", "tags", "menu", "excerpt", "published_at");

    /** How the answer may look. */
    enum Expect {
        /** A 4xx. */
        REFUSED,
        /** A 4xx, or a redirect (to sign in) that comes first. */
        REFUSED_OR_REDIRECT,
        /** Anything but a 5xx. */
        NO_SERVER_ERROR,
        /** Anything but a 5xx, and a refusal may be problem+json (the request's Accept could not be read). */
        NO_SERVER_ERROR_ANY_FORMAT
    }

    record Probe(String name, String method, String target, Map<String, String> headers, byte[] body, Expect expect) {
    }

    private MalformedInput() {
    }

    /** One test per malformed request to {@code service} on {@code port}. */
    public static Stream<DynamicTest> against(String service, int port, List<Route> routes, LogCapture log) {
        Browser browser = Browser.open(port);
        List<Probe> probes = probes(routes, browser);
        return probes.stream().map(probe -> DynamicTest.dynamicTest(service + " " + probe.name(), () -> check(port, probe, log)));
    }

    static List<Probe> probes(List<Route> routes, Browser browser) {
        List<Probe> probes = new ArrayList<>();
        Map<String, Set<Method>> methods = new LinkedHashMap<>();
        for (Route route : routes) {
            methods.computeIfAbsent(route.pattern(), p -> new LinkedHashSet<>()).add(route.method());
        }
        for (Route route : routes) {
            String method = route.method() == null ? "GET" : route.method().text();
            boolean post = !method.equals("GET");
            Map<String, String> headers = post ? browser.headers() : html();
            byte[] body = post ? form(Map.of("_csrf", browser.token())) : new byte[0];
            if (post) {
                headers.put("Content-Type", "application/x-www-form-urlencoded");
            }
            for (String bad : BAD_SEGMENTS) {
                probes.add(new Probe(route + " with segment " + shown(bad), method, withSegment(route.pattern(), bad),
                        headers, body, Expect.REFUSED));
            }
            probes.add(new Probe(route + " with a 1000-byte segment", method, withSegment(route.pattern(), "x".repeat(1000)),
                    headers, body, Expect.REFUSED_OR_REDIRECT));
            probes.add(new Probe(route + " with a 100 KB segment", method, withSegment(route.pattern(), "x".repeat(100_000)),
                    headers, body, Expect.REFUSED));
            for (String odd : List.of("-1", "0", "99999999999999999999", "..", "%2e%2e")) {
                probes.add(new Probe(route + " with segment " + odd, method, withSegment(route.pattern(), odd),
                        headers, body, Expect.NO_SERVER_ERROR));
            }
            String target = fill(route.pattern(), "1");
            if (!post) {
                for (String bad : BAD_VALUES) {
                    probes.add(new Probe(route + " with query values " + shown(bad), method, target + "?" + query(bad),
                            headers, body, Expect.REFUSED));
                }
                for (String odd : ODD_VALUES) {
                    probes.add(new Probe(route + " with query values " + shown(odd), method, target + "?" + query(odd),
                            headers, body, Expect.NO_SERVER_ERROR));
                }
                probes.add(new Probe(route + " with a 100 KB query", method, target + "?q=" + "x".repeat(100_000),
                        headers, body, Expect.REFUSED));
                probes.add(new Probe(route + " with a stray % in the query", method, target + "?page=1%&q=%",
                        headers, body, Expect.REFUSED));
            } else {
                probes.addAll(bodies(route, method, target, browser));
            }
            probes.addAll(headerProbes(route, method, target, browser));
        }
        methods.forEach((pattern, registered) -> {
            if (registered.contains(null)) {
                return;
            }
            for (String other : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "FOO")) {
                if (registered.stream().noneMatch(m -> m.text().equals(other))) {
                    Map<String, String> headers = browser.headers();
                    probes.add(new Probe(other + " " + pattern + " (not a route)", other, fill(pattern, "1"), headers,
                            new byte[0], Expect.REFUSED));
                }
            }
        });
        return probes;
    }

    private static List<Probe> bodies(Route route, String method, String target, Browser browser) {
        List<Probe> probes = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        NAMES.forEach(name -> fields.put(name, "a"));
        byte[] json = "{\"email\":\"a@example.org\",\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("application/json", "text/plain", "multipart/form-data; boundary=x", "application/xml")) {
            Map<String, String> headers = browser.headers();
            headers.put("Content-Type", type);
            probes.add(new Probe(route + " with a " + type + " body", method, target, headers, json,
                    Expect.REFUSED_OR_REDIRECT));
        }
        Map<String, String> untyped = browser.headers();
        probes.add(new Probe(route + " with a body and no Content-Type", method, target, untyped,
                "email=a&password=b".getBytes(StandardCharsets.UTF_8), Expect.REFUSED_OR_REDIRECT));
        for (String bad : BAD_VALUES.stream().filter(value -> !value.equals(LINE_BREAK)).toList()) {
            Map<String, String> headers = browser.headers();
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            String encoded = NAMES.stream().map(name -> name + "=" + bad).collect(Collectors.joining("&"));
            probes.add(new Probe(route + " with form values " + shown(bad), method, target, headers,
                    ("_csrf=" + browser.token() + "&" + encoded).getBytes(StandardCharsets.ISO_8859_1), Expect.REFUSED));
        }
        for (String odd : ODD_VALUES) {
            Map<String, String> headers = browser.headers();
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            String encoded = NAMES.stream().map(name -> name + "=" + odd).collect(Collectors.joining("&"));
            probes.add(new Probe(route + " with form values " + shown(odd), method, target, headers,
                    ("_csrf=" + browser.token() + "&" + encoded).getBytes(StandardCharsets.ISO_8859_1), Expect.NO_SERVER_ERROR));
        }
        Map<String, String> badLength = browser.headers();
        badLength.put("Content-Type", "application/x-www-form-urlencoded");
        badLength.put("Content-Length", "abc");
        probes.add(new Probe(route + " with Content-Length abc", method, target, badLength, new byte[0], Expect.REFUSED));
        return probes;
    }

    private static List<Probe> headerProbes(Route route, String method, String target, Browser browser) {
        List<Probe> probes = new ArrayList<>();
        Map<String, String> huge = html();
        huge.put("X-Filler", "x".repeat(100_000));
        probes.add(new Probe(route + " with a 100 KB header", method, target, huge, new byte[0], Expect.REFUSED));
        Map<String, String> badAccept = html();
        badAccept.put("Accept", "text/html;q=%00, */*;;q=x");
        probes.add(new Probe(route + " with a malformed Accept", method, target, badAccept, new byte[0],
                Expect.NO_SERVER_ERROR_ANY_FORMAT));
        Map<String, String> badCookie = html();
        badCookie.put("Cookie", "rose_ash_session=%00\u00ff; rose_ash_csrf=\u0001; =;;");
        probes.add(new Probe(route + " with a malformed Cookie", method, target, badCookie, new byte[0], Expect.NO_SERVER_ERROR));
        return probes;
    }

    private static void check(int port, Probe probe, LogCapture log) {
        log.clear();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "127.0.0.1:" + port);
        headers.putAll(probe.headers());
        RawHttp.Response response = RawHttp.send(port, RawHttp.request(probe.method(), probe.target(), headers, probe.body()));
        String described = probe.method() + " " + shown(abbreviate(probe.target())) + " answered " + response;
        assertThat(response.status()).as(described).isBetween(100, 499);
        switch (probe.expect()) {
            case REFUSED -> assertThat(response.status()).as(described).isBetween(400, 499);
            case REFUSED_OR_REDIRECT -> assertThat(response.status()).as(described).isBetween(300, 499);
            case NO_SERVER_ERROR, NO_SERVER_ERROR_ANY_FORMAT -> { }
        }
        if (response.status() >= 400 && !protocolError(response)
                && !(probe.expect() == Expect.NO_SERVER_ERROR_ANY_FORMAT && isProblemJson(response))) {
            assertThat(response.body()).as(described + "\nrendered in the layout").contains(LAYOUT);
        }
        assertThat(log.stackTraces()).as("stack traces logged at WARNING or above for " + described).isEmpty();
    }

    /**
     * An OAuth endpoint's own error answer (RFC 6749, section 5.2; RFC 6750): JSON with an {@code error} code, which its
     * clients read, whatever the request's Accept.
     */
    private static boolean protocolError(RawHttp.Response response) {
        return response.header("content-type").orElse("").startsWith("application/json")
                && response.body().startsWith("{") && response.body().contains("\"error\":");
    }

    private static boolean isProblemJson(RawHttp.Response response) {
        return response.header("content-type").orElse("").startsWith("application/problem+json");
    }

    private static String withSegment(String pattern, String segment) {
        if (PARAMETER.matcher(pattern).find()) {
            return fill(pattern, segment);
        }
        return pattern + (pattern.endsWith("/") ? "" : "/") + segment;
    }

    private static String fill(String pattern, String value) {
        return PARAMETER.matcher(pattern).replaceAll(Matcher.quoteReplacement(value));
    }

    private static String query(String value) {
        return NAMES.stream().map(name -> name + "=" + value).collect(Collectors.joining("&"));
    }

    private static byte[] form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Map<String, String> html() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", BROWSER);
        return headers;
    }

    private static String abbreviate(String target) {
        return target.length() > 200 ? target.substring(0, 200) + "...(" + target.length() + " bytes)" : target;
    }

    /** Control and non-ASCII characters escaped, so a test's name shows what went out. */
    private static String shown(String raw) {
        StringBuilder shown = new StringBuilder();
        for (char c : raw.toCharArray()) {
            shown.append(c < 0x20 || c > 0x7e ? String.format("\\x%02X", (int) c) : String.valueOf(c));
        }
        return shown.length() > 60 ? shown.substring(0, 60) + "...(" + raw.length() + " chars)" : shown.toString();
    }

    /** A browser's CSRF cookie and token, so refusals are about the input and not the missing token. */
    record Browser(String cookie, String token) {
        static Browser open(int port) {
            Map<String, String> headers = html();
            headers.put("Host", "127.0.0.1:" + port);
            RawHttp.Response page = RawHttp.send(port, RawHttp.request("GET", "/malformed-input-contract", headers, new byte[0]));
            Matcher cookie = COOKIE.matcher(page.header("set-cookie").orElse(""));
            Matcher token = TOKEN.matcher(page.body());
            assertThat(cookie.find() && token.find()).as("a CSRF cookie and token from " + page).isTrue();
            return new Browser(cookie.group(1), token.group(1));
        }

        /** Headers of a browser's request with its token in the header: a fresh map to add to. */
        Map<String, String> headers() {
            Map<String, String> headers = html();
            headers.put("Cookie", CsrfProtection.COOKIE + "=" + cookie);
            headers.put("X-CSRF-Token", token);
            return headers;
        }
    }
}
