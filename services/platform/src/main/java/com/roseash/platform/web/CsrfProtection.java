package com.roseash.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

/**
 * CSRF protection for every state-changing request on the public socket, so no handler can forget it.
 *
 * <p>Signed double submit: the browser holds a random value in an HttpOnly cookie; pages embed
 * HMAC(secret, value) as the token. A POST must send the token (form field {@code _csrf} or header
 * {@code X-CSRF-Token}); another site can neither read the cookie nor compute the HMAC. Paths that
 * other servers call (ActivityPub inboxes, payment webhooks) are exempted by prefix and authenticate
 * their callers their own way.
 */
public final class CsrfProtection implements Filter {

    public static final String COOKIE = "rose_ash_csrf";
    private static final Set<Method> SAFE = Set.of(Method.GET, Method.HEAD, Method.OPTIONS, Method.TRACE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final List<String> exemptPrefixes;
    private final ErrorPages errorPages;

    public CsrfProtection(byte[] secret, List<String> exemptPrefixes, ErrorPages errorPages) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.exemptPrefixes = List.copyOf(exemptPrefixes);
        this.errorPages = errorPages;
    }

    /** The token for the current request, for templates. */
    public static Optional<String> token(ServerRequest request) {
        return request.context().get(CsrfToken.class).map(CsrfToken::value);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String browserValue = request.headers().cookies().first(COOKIE).filter(CsrfProtection::wellFormed).orElse(null);
        if (browserValue == null) {
            browserValue = newBrowserValue();
            response.headers().addCookie(SetCookie.builder(COOKIE, browserValue)
                    .path("/")
                    .httpOnly(true)
                    .sameSite(SetCookie.SameSite.LAX)
                    .secure(Requests.isHttps(request))
                    .build());
        }
        String expected = sign(browserValue);
        request.context().register(new CsrfToken(expected));

        if (SAFE.contains(request.prologue().method()) || isExempt(request.path().path())) {
            chain.proceed();
            return;
        }
        Optional<String> sent = request.headers().first(HeaderNames.create(CsrfToken.HEADER));
        if (isForm(request)) {
            Parameters fields = FormData.of(request);
            if (sent.isEmpty()) {
                sent = fields.first(CsrfToken.FIELD).asOptional();
            }
        }
        if (sent.isEmpty() || !constantTimeEquals(sent.get(), expected)) {
            errorPages.render(request, response, Status.FORBIDDEN_403,
                    "This form has expired or did not come from this site. Reload the page and try again.");
            return;
        }
        chain.proceed();
    }

    private boolean isExempt(String path) {
        return exemptPrefixes.stream().anyMatch(path::startsWith);
    }

    private static boolean isForm(RoutingRequest request) {
        return request.headers().contentType()
                .map(type -> type.mediaType().text().equalsIgnoreCase("application/x-www-form-urlencoded"))
                .orElse(false);
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newBrowserValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean wellFormed(String value) {
        return value.length() == 43 && value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
