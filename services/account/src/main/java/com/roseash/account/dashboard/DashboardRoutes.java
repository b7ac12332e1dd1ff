package com.roseash.account.dashboard;

import java.util.Map;

import com.roseash.platform.auth.CurrentUser;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import io.helidon.webserver.http.HttpRouting;

/** The dashboard: the member's profile as federation vouches for it. Members only. */
public final class DashboardRoutes {

    private final PageRenderer renderer;
    private final Roles roles;

    public DashboardRoutes(PageRenderer renderer, Roles roles) {
        this.renderer = renderer;
        this.roles = roles;
    }

    public void install(HttpRouting.Builder routing) {
        routing.get("/", roles.require("member", (request, response) -> {
            CurrentUser user = CurrentUser.of(request).orElseThrow();
            renderer.render(request, response, new Page("Your account", "account/dashboard",
                    Map.of("roleList", user.roles().stream().sorted().toList())));
        }));
    }
}
