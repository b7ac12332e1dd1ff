package com.roseash.platform.auth;

import java.util.Optional;

import com.roseash.platform.visitor.AccountMenu;
import io.helidon.common.Weighted;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Puts the signed-in user of each request (from this service's session cookie) in the request context, as
 * {@link Session}, {@code CurrentUser} and the layout's {@link AccountMenu}.
 * Made by {@link OidcLogin#currentUser()}.
 */
public final class CurrentUserFeature implements HttpFeature, Weighted, Filter {

    /** After CSRF protection: a refused forgery costs no session lookup (docs/platform.md, "Features and their weights"). */
    public static final double WEIGHT = 800;

    private final SessionStore sessions;

    CurrentUserFeature(SessionStore sessions) {
        this.sessions = sessions;
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
        Optional<Session> session = request.headers().cookies().first(OidcLogin.SESSION_COOKIE).asOptional()
                .flatMap(sessions::find);
        session.ifPresent(s -> {
            request.context().register(s);
            request.context().register(OidcLogin.user(s));
        });
        request.context().register(new AccountMenu(session.map(OidcLogin::user).orElse(null),
                OidcLogin.loginPath(OidcLogin.here(request))));
        chain.proceed();
    }
}
