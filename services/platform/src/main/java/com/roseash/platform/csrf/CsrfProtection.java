package com.roseash.platform.csrf;

import java.lang.System.Logger.Level;
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

import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.web.CsrfToken;
import com.roseash.platform.web.FormData;
import com.roseash.platform.web.Requests;
import io.helidon.common.Weighted;
import io.helidon.common.parameters.Parameters;
import io.helidon.common.uri.UriPath;
import io.helidon.http.ForbiddenException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * CSRF protection for every state-changing request on the public socket, so no handler can forget it.
 *
 * <p>Signed double submit: the browser holds a random value in an HttpOnly cookie; pages embed
 * HMAC(secret, value) as the token. A POST must send the token (form field {@code _csrf} or header
 * {@code X-CSRF-Token}); another site can neither read the cookie nor compute the HMAC. Paths that
 * other servers call (ActivityPub inboxes, payment webhooks) are declared by their route group
 * ({@link CsrfExempt}) and authenticate their callers their own way.
 *
 * <p>The key is {@code rose-ash.session.secret}, shared by every replica, so a form rendered by one replica
 * posts to another. A refusal is a 403 {@link ForbiddenException}, answered by the error feature.
 */
public final class CsrfProtection implements HttpFeature, Weighted, Filter {

    /** After the security headers, before the signed-in user is looked up (docs/platform.md, "Features and their weights"). */
    public static final double WEIGHT = 900;
    public static final String COOKIE = "rose_ash_csrf";
    private static final System.Logger LOG = System.getLogger(CsrfProtection.class.getName());
    private static final Set<Method> SAFE = Set.of(Method.GET, Method.HEAD, Method.OPTIONS, Method.TRACE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Mac keyed;
    private final List<PathMatcher> exempt;

    /** @param exemptPaths full path patterns (mount prefix included) that skip the check */
    public CsrfProtection(byte[] secret, List<String> exemptPaths) {
        this.keyed = keyedMac(new SecretKeySpec(secret.clone(), "HmacSHA256"));
        this.exempt = exemptPaths.stream().map(PathMatchers::create).toList();
    }

    /**
     * Protection keyed by {@code rose-ash.session.secret}. Without it (a developer's bare run), a random key
     * for this process: forms then fail across replicas and restarts, so it is logged as a warning.
     */
    public static CsrfProtection from(RoseAshConfig config, List<String> exemptPaths) {
        Optional<String> secret = config.value(PlatformSettings.SESSION_SECRET);
        if (secret.isPresent()) {
            return new CsrfProtection(secret.get().getBytes(StandardCharsets.UTF_8), exemptPaths);
        }
        LOG.log(Level.WARNING, PlatformSettings.SESSION_SECRET.key() + " is not set: CSRF tokens are signed with a random key"
                + " of this process, so forms fail on other replicas and after a restart");
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return new CsrfProtection(random, exemptPaths);
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(this);
    }

    @Override
    public double weight() {
        return WEIGHT;
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

        if (SAFE.contains(request.prologue().method()) || isExempt(request.path().absolute().path())) {
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
            throw new ForbiddenException("This form has expired or did not come from this site. Reload the page and try again.");
        }
        chain.proceed();
    }

    private boolean isExempt(String path) {
        UriPath uriPath = UriPath.create(path);
        return exempt.stream().anyMatch(matcher -> matcher.match(uriPath).accepted());
    }

    private static boolean isForm(RoutingRequest request) {
        return request.headers().contentType()
                .map(type -> type.mediaType().text().equalsIgnoreCase("application/x-www-form-urlencoded"))
                .orElse(false);
    }

    private String sign(String value) {
        try {
            // A copy of a keyed prototype: cheaper than looking the algorithm up and keying it per request.
            Mac mac = (Mac) keyed.clone();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }

    private static Mac keyedMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
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
