package com.roseash.platform.server;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.roseash.contract.Sockets;
import com.roseash.platform.web.CsrfProtection;
import com.roseash.platform.web.ErrorPages;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.SecurityHeaders;
import com.roseash.platform.web.StaticAssets;
import io.helidon.health.HealthCheck;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

/**
 * Builds a service's web server on the runtime contract (DESIGN section 4): the public socket with
 * pages, static files, security headers, CSRF protection and error pages; the internal socket for
 * fragments; the admin socket with health (details on) and Prometheus metrics.
 */
public final class ServiceServer {

    private ServiceServer() {
    }

    public static Builder builder(ServerSettings settings, PageRenderer renderer) {
        return new Builder(settings, renderer);
    }

    public static final class Builder {
        private final ServerSettings settings;
        private final PageRenderer renderer;
        private final List<HealthCheck> checks = new ArrayList<>();
        private final List<String> csrfExemptPrefixes = new ArrayList<>();
        private final List<String> formTargets = new ArrayList<>();
        private Consumer<HttpRouting.Builder> publicRoutes = routing -> { };
        private Consumer<HttpRouting.Builder> internalRoutes = routing -> { };
        private byte[] csrfSecret;

        private Builder(ServerSettings settings, PageRenderer renderer) {
            this.settings = settings;
            this.renderer = renderer;
        }

        public Builder publicRoutes(Consumer<HttpRouting.Builder> routes) {
            this.publicRoutes = routes;
            return this;
        }

        public Builder internalRoutes(Consumer<HttpRouting.Builder> routes) {
            this.internalRoutes = routes;
            return this;
        }

        public Builder healthCheck(HealthCheck check) {
            checks.add(check);
            return this;
        }

        /** The key CSRF tokens are signed with; a random one per process when never set. */
        public Builder csrfSecret(byte[] secret) {
            this.csrfSecret = secret.clone();
            return this;
        }

        /** The key from {@code rose-ash.session.secret} (the operator's Secret), when configured. */
        public Builder csrfSecretFrom(com.roseash.platform.config.RoseAshConfig config) {
            config.value(com.roseash.platform.config.PlatformSettings.SESSION_SECRET)
                    .ifPresent(secret -> csrfSecret(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return this;
        }

        /** Paths other servers POST to (inboxes, webhooks), which authenticate callers their own way. */
        public Builder csrfExempt(String pathPrefix) {
            csrfExemptPrefixes.add(pathPrefix);
            return this;
        }

        /** Another origin this service's forms may post to (Content-Security-Policy form-action). */
        public Builder formTarget(String origin) {
            formTargets.add(origin);
            return this;
        }

        public WebServer build() {
            ErrorPages errorPages = new ErrorPages(renderer);
            // Sign-in and sign-out forms end in redirects across the platform's hosts, and browsers hold
            // those redirects to form-action too.
            List<String> formOrigins = new ArrayList<>(formTargets);
            renderer.site().publicUrls().values().forEach(url -> formOrigins.add(origin(url)));
            HttpRouting.Builder publicRouting = HttpRouting.builder()
                    .addFilter(new SecurityHeaders(formOrigins))
                    .addFilter(new CsrfProtection(secret(), csrfExemptPrefixes, errorPages));
            errorPages.install(publicRouting);
            StaticAssets.install(publicRouting);
            publicRoutes.accept(publicRouting);
            errorPages.installNotFound(publicRouting);

            HttpRouting.Builder internalRouting = HttpRouting.builder();
            internalRoutes.accept(internalRouting);

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
                    .putSocket(Sockets.INTERNAL, socket -> socket.host(settings.host()).port(settings.internalPort())
                            .routing(internalRouting))
                    .putSocket(Sockets.ADMIN, socket -> socket.host(settings.host()).port(settings.adminPort()))
                    .addFeature(observe)
                    .build();
        }

        private static String origin(String url) {
            java.net.URI uri = java.net.URI.create(url);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        }

        private byte[] secret() {
            if (csrfSecret != null) {
                return csrfSecret;
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }
    }
}
