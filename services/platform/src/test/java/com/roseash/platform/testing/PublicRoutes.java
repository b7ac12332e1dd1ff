package com.roseash.platform.testing;

import java.util.ArrayList;
import java.util.List;

import com.roseash.platform.server.RouteGroup;
import com.roseash.platform.server.ServiceServer;
import com.roseash.platform.web.StaticAssets;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * A service's public routes, read from its own wiring: each route group's {@code routing} runs against rules
 * that record the method and the full path pattern instead of routing. So a route added to a group is tested
 * without being listed anywhere. The standard features' routes (static files) are added here.
 */
public final class PublicRoutes {

    /** A route: its method ({@code null} for any) and its Helidon path pattern, mount prefix included. */
    public record Route(Method method, String pattern) {
        @Override
        public String toString() {
            return (method == null ? "ANY" : method.text()) + " " + pattern;
        }
    }

    private PublicRoutes() {
    }

    public static List<Route> of(ServiceServer.Builder server) {
        return of(server.publicGroups());
    }

    public static List<Route> of(List<RouteGroup> groups) {
        List<Route> routes = new ArrayList<>();
        for (RouteGroup group : groups) {
            group.service().routing(new Recorder(group.prefix().equals("/") ? "" : group.prefix(), routes));
        }
        routes.add(new Route(Method.GET, StaticAssets.HTMX_PATH));
        routes.add(new Route(Method.GET, "/static/{file}"));
        return List.copyOf(routes);
    }

    /** Rules that only record: every pattern-taking method is overridden; anything else fails loudly. */
    private record Recorder(String prefix, List<Route> routes) implements HttpRules {

        @Override
        public HttpRules register(HttpService... services) {
            for (HttpService service : services) {
                service.routing(this);
            }
            return this;
        }

        @Override
        public HttpRules register(String pathPattern, HttpService... services) {
            Recorder nested = new Recorder(join(pathPattern), routes);
            for (HttpService service : services) {
                service.routing(nested);
            }
            return this;
        }

        @Override
        public HttpRules route(HttpRoute route) {
            throw new UnsupportedOperationException("PublicRoutes cannot read the pattern of a prebuilt HttpRoute under "
                    + prefix + "; register routes with a path pattern (get(\"/x\", ...)) or teach PublicRoutes this one");
        }

        @Override
        public HttpRules route(Method method, PathMatcher pathMatcher, Handler handler) {
            return route((HttpRoute) null);
        }

        @Override
        public HttpRules route(Method method, String pathPattern, Handler handler) {
            routes.add(new Route(method, join(pathPattern)));
            return this;
        }

        @Override
        public HttpRules route(Method method, Handler handler) {
            routes.add(new Route(method, join("/*")));
            return this;
        }

        @Override
        public HttpRules get(String pathPattern, Handler... handlers) {
            return add(Method.GET, pathPattern);
        }

        @Override
        public HttpRules get(Handler... handlers) {
            return add(Method.GET, "/*");
        }

        @Override
        public HttpRules post(String pathPattern, Handler... handlers) {
            return add(Method.POST, pathPattern);
        }

        @Override
        public HttpRules post(Handler... handlers) {
            return add(Method.POST, "/*");
        }

        @Override
        public HttpRules put(String pathPattern, Handler... handlers) {
            return add(Method.PUT, pathPattern);
        }

        @Override
        public HttpRules delete(String pathPattern, Handler... handlers) {
            return add(Method.DELETE, pathPattern);
        }

        @Override
        public HttpRules patch(String pathPattern, Handler... handlers) {
            return add(Method.PATCH, pathPattern);
        }

        @Override
        public HttpRules head(String pathPattern, Handler... handlers) {
            return add(Method.HEAD, pathPattern);
        }

        @Override
        public HttpRules options(String pathPattern, Handler... handlers) {
            return add(Method.OPTIONS, pathPattern);
        }

        @Override
        public HttpRules any(String pathPattern, Handler... handlers) {
            return add(null, pathPattern);
        }

        @Override
        public HttpRules any(Handler... handlers) {
            return add(null, "/*");
        }

        private HttpRules add(Method method, String pathPattern) {
            routes.add(new Route(method, join(pathPattern)));
            return this;
        }

        private String join(String pathPattern) {
            String joined = prefix + pathPattern;
            return joined.isEmpty() ? "/" : joined;
        }
    }
}
