package com.roseash.cart.carts;

import java.util.Optional;
import java.util.Set;

import com.roseash.platform.web.Site;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The platform's own origins (each service's public address), for the one form other hosts post to: adding to
 * the cart. Such a post carries no CSRF token of cart's (the page was another host's), so it is accepted only when
 * the browser says it comes from one of these origins; any other site's page is refused.
 */
public final class PlatformOrigins {

    private final Set<String> origins;

    public PlatformOrigins(Site site) {
        this.origins = Set.copyOf(site.origins());
    }

    /**
     * The origin the request comes from ({@code Origin}, else {@code Referer}'s), when it is the platform's. Browsers
     * send {@code Origin} with every POST; a request that names no origin at all is refused too.
     */
    public Optional<String> of(ServerRequest request) {
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN)
                .or(() -> request.headers().first(HeaderNames.REFERER).map(Site::originOf));
        return origin.filter(origins::contains);
    }

    /** Whether {@code url} is an absolute address on one of the platform's hosts (where a post may send the browser back). */
    public boolean isPlatformUrl(String url) {
        // A relative address or anything that is not a URL has no origin ("").
        return origins.contains(Site.originOf(url));
    }
}
