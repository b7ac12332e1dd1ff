package com.roseash.account.dashboard;

import java.util.Map;

import com.roseash.platform.auth.Roles;
import com.roseash.platform.visitor.CurrentUser;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** The dashboard: the member's profile as federation vouches for it. Members only. Mounted at the root. */
public final class DashboardRoutes implements HttpService {

    private final PageRenderer renderer;
    private final Roles roles;

    public DashboardRoutes(PageRenderer renderer, Roles roles) {
        this.renderer = renderer;
        this.roles = roles;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", roles.require("member", (request, response) -> {
            CurrentUser user = CurrentUser.of(request).orElseThrow();
            renderer.render(request, response, new Page("Your account", "account/dashboard",
                    Map.of("roleList", user.roles().stream().sorted().toList())));
        }));
    }
}
