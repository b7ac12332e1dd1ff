package com.roseash.federation.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.roseash.contract.ServiceName;
import com.roseash.platform.auth.ClientSettings;
import com.roseash.platform.auth.OidcLogin;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.auth.SessionStore;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.server.ServiceServer;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageChrome;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Site;
import com.roseash.platform.web.Templates;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpService;

/** A service wired like the real ones, signing in through federation as client "blog". */
public final class ClientSite implements AutoCloseable {

    public final WebServer server;
    private final RedisCache cache;

    public ClientSite(int port, Map<String, String> config) {
        Map<String, String> overrides = new HashMap<>(config);
        overrides.put(PlatformSettings.SERVER_HOST.key(), "127.0.0.1");
        overrides.put(PlatformSettings.PUBLIC_PORT.key(), String.valueOf(port));
        overrides.put(PlatformSettings.INTERNAL_PORT.key(), "0");
        overrides.put(PlatformSettings.ADMIN_PORT.key(), "0");
        RoseAshConfig settings = RoseAshConfig.load(PlatformSettings.all(), overrides);
        cache = new RedisCache(RedisSettings.from(settings));
        PageRenderer renderer = new PageRenderer(new Templates(), Site.from(settings, ServiceName.BLOG), PageChrome.NONE,
                Optional.empty());
        ErrorResponses errors = ErrorResponses.pagesOrJson(renderer);
        OidcLogin login = new OidcLogin(ClientSettings.from(settings, ServiceName.BLOG),
                new SessionStore(cache, "client-test", settings.duration(PlatformSettings.SESSION_IDLE),
                        settings.duration(PlatformSettings.SESSION_ABSOLUTE)), cache, errors,
                settings.string(PlatformSettings.DOMAIN));
        Roles roles = new Roles(errors);
        HttpService pages = rules -> rules
                .get("/", (req, res) -> renderer.render(req, res, new Page("Home", "client/page", Map.of("heading", "Home"))))
                .get("/members", roles.require("member", (req, res) ->
                        renderer.render(req, res, new Page("Members", "client/page", Map.of("heading", "Members only")))))
                .get("/editors", roles.require("editor", (req, res) ->
                        renderer.render(req, res, new Page("Editors", "client/page", Map.of("heading", "Editors only")))));
        server = ServiceServer.builder(settings, renderer)
                .feature(login.currentUser())
                .route("/", pages)
                .route(OidcLogin.MOUNT, login)
                .build().start();
    }

    @Override
    public void close() {
        server.stop();
        cache.close();
    }
}
