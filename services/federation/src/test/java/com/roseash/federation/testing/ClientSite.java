package com.roseash.federation.testing;

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
import com.roseash.platform.server.ServerSettings;
import com.roseash.platform.server.ServiceServer;
import com.roseash.platform.web.ErrorPages;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageChrome;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Site;
import com.roseash.platform.web.Templates;
import io.helidon.webserver.WebServer;

/** A service wired like the real ones, signing in through federation as client "blog". */
public final class ClientSite implements AutoCloseable {

    public final WebServer server;
    private final RedisCache cache;

    public ClientSite(int port, Map<String, String> config) {
        RoseAshConfig settings = RoseAshConfig.load(PlatformSettings.all(), config);
        cache = new RedisCache(RedisSettings.from(settings));
        PageRenderer renderer = new PageRenderer(new Templates(), Site.from(settings, ServiceName.BLOG), PageChrome.NONE, Optional.empty());
        ErrorPages errors = new ErrorPages(renderer);
        OidcLogin login = new OidcLogin(ClientSettings.from(settings, ServiceName.BLOG),
                new SessionStore(cache, "client-test", settings.duration(PlatformSettings.SESSION_IDLE),
                        settings.duration(PlatformSettings.SESSION_ABSOLUTE)), cache, errors);
        Roles roles = new Roles(errors);
        server = ServiceServer.builder(new ServerSettings("127.0.0.1", port, 0, 0), renderer)
                .publicRoutes(routing -> {
                    login.install(routing);
                    routing.get("/", (req, res) -> renderer.render(req, res, new Page("Home", "client/page", Map.of("heading", "Home"))))
                            .get("/members", roles.require("member", (req, res) ->
                                    renderer.render(req, res, new Page("Members", "client/page", Map.of("heading", "Members only")))))
                            .get("/editors", roles.require("editor", (req, res) ->
                                    renderer.render(req, res, new Page("Editors", "client/page", Map.of("heading", "Editors only")))));
                })
                .build().start();
    }

    @Override
    public void close() {
        server.stop();
        cache.close();
    }
}
