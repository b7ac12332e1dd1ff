package com.roseash.platform.server;

import java.util.ArrayList;
import java.util.List;

import com.roseash.contract.Sockets;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.csrf.CsrfProtection;
import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.errors.MalformedRequests;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.SecurityHeaders;
import com.roseash.platform.web.StaticAssets;
import io.helidon.health.HealthCheck;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

/**
 * Builds a service's web server on the runtime contract (docs/platform.md, "Runtime contract"): the public
 * socket with the service's route groups and the standard features (security headers, CSRF protection keyed
 * by {@code rose-ash.session.secret}, static files, error responses), the internal socket with its groups and
 * JSON errors, the admin socket with health (details on) and Prometheus metrics. Requests on the public socket
 * are logged one line each ({@link AccessLog}).
 */
public final class ServiceServer {

    private ServiceServer() {
    }

    public static Builder builder(RoseAshConfig config, PageRenderer renderer) {
        return new Builder(config, renderer);
    }

    public static final class Builder {
        private final RoseAshConfig config;
        private final PageRenderer renderer;
        private final List<RouteGroup> publicGroups = new ArrayList<>();
        private final List<RouteGroup> internalGroups = new ArrayList<>();
        private final List<HttpFeature> features = new ArrayList<>();
        private final List<HealthCheck> checks = new ArrayList<>();
        private final List<String> formTargets = new ArrayList<>();

        private Builder(RoseAshConfig config, PageRenderer renderer) {
            this.config = config;
            this.renderer = renderer;
        }

        /** A route group on the public socket, its routes relative to {@code prefix}. */
        public Builder route(String prefix, HttpService group) {
            publicGroups.add(new RouteGroup(prefix, group));
            return this;
        }

        /** A route group on the internal socket, which only the platform's own services reach. */
        public Builder internalRoute(String prefix, HttpService group) {
            internalGroups.add(new RouteGroup(prefix, group));
            return this;
        }

        /** A feature of this service's on the public socket, besides the standard ones (e.g. the signed-in user). */
        public Builder feature(HttpFeature feature) {
            features.add(feature);
            return this;
        }

        public Builder healthCheck(HealthCheck check) {
            checks.add(check);
            return this;
        }

        /** Another origin this service's forms may post to (Content-Security-Policy form-action). */
        public Builder formTarget(String origin) {
            formTargets.add(origin);
            return this;
        }

        /** The route groups on the public socket, in the order given (tests derive the public routes from them). */
        public List<RouteGroup> publicGroups() {
            return List.copyOf(publicGroups);
        }

        /** The public socket's routing: the standard features, this service's features and its route groups. */
        public void setUpPublic(HttpRouting.Builder routing) {
            List<String> csrfExempt = publicGroups.stream().flatMap(group -> group.csrfExemptPaths().stream()).toList();
            routing.addFeature(securityHeaders())
                    .addFeature(new MalformedRequests())
                    .addFeature(CsrfProtection.from(config, csrfExempt))
                    .addFeature(new StaticAssets())
                    .addFeature(ErrorResponses.pagesOrJson(renderer));
            features.forEach(routing::addFeature);
            register(publicGroups, routing);
        }

        /** The internal socket's routing: its route groups, with problem+json errors. */
        public void setUpInternal(HttpRouting.Builder routing) {
            routing.addFeature(new MalformedRequests())
                    .addFeature(ErrorResponses.jsonOnly());
            register(internalGroups, routing);
        }

        public WebServer build() {
            ServerSettings settings = ServerSettings.from(config);
            HttpRouting.Builder publicRouting = HttpRouting.builder();
            setUpPublic(publicRouting);
            HttpRouting.Builder internalRouting = HttpRouting.builder();
            setUpInternal(internalRouting);

            HealthObserver health = HealthObserver.builder()
                    .details(true)
                    .useSystemServices(false)
                    .addHealthChecks(checks)
                    .build();
            ObserveFeature observe = ObserveFeature.builder()
                    .sockets(List.of(Sockets.ADMIN))
                    .addObserver(health)
                    .addObserver(MetricsObserver.create())
                    .build();

            return WebServer.builder()
                    .host(settings.host())
                    .port(settings.publicPort())
                    .routing(publicRouting)
                    .directHandlers(ErrorResponses.pagesOrJson(renderer).directHandlers(securityHeaders()))
                    .putSocket(Sockets.INTERNAL, socket -> socket.host(settings.host()).port(settings.internalPort())
                            .routing(internalRouting).directHandlers(ErrorResponses.jsonOnly().directHandlers()))
                    .putSocket(Sockets.ADMIN, socket -> socket.host(settings.host()).port(settings.adminPort()))
                    .addFeature(observe)
                    .addFeature(AccessLog.feature())
                    .build();
        }

        /** Most specific prefix first, so a root group's patterns see only what no other group claims. */
        private static void register(List<RouteGroup> groups, HttpRouting.Builder routing) {
            groups.stream().sorted(RouteGroup.MOST_SPECIFIC_FIRST)
                    .forEach(group -> routing.register(group.prefix(), group.service()));
        }

        private SecurityHeaders securityHeaders() {
            return new SecurityHeaders(formOrigins());
        }

        /**
         * Sign-in and sign-out forms end in redirects across the platform's hosts, and browsers hold those
         * redirects to form-action too.
         */
        private List<String> formOrigins() {
            List<String> origins = new ArrayList<>(formTargets);
            origins.addAll(renderer.site().origins());
            return origins;
        }
    }
}
