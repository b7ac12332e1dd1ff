package com.roseash.platform.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import com.roseash.contract.ServiceName;
import com.roseash.platform.fragments.Fragment;
import com.roseash.platform.fragments.FragmentClient;
import com.roseash.platform.visitor.AccountMenu;
import com.roseash.platform.web.CsrfToken;
import com.roseash.platform.web.PageChrome;
import com.roseash.platform.web.Site;
import io.helidon.webserver.http.ServerRequest;

/**
 * The layout's account slot, served by federation's {@code account-menu} fragment: who is signed in
 * (from this service's session), with links to the account and a sign-out form, or a sign-in link.
 * Federation renders it from the parameters alone (the page, and who is signed in with their CSRF token),
 * so it is kept in process per parameters. When federation does not answer in time, the layout falls back
 * to the plain menu it renders itself.
 */
public final class FederatedAccountMenu implements PageChrome {

    public static final Fragment ACCOUNT_MENU = new Fragment(ServiceName.FEDERATION, "account-menu");

    private final FragmentClient fragments;
    private final Site site;

    public FederatedAccountMenu(FragmentClient fragments, Site site) {
        this.fragments = fragments;
        this.site = site;
    }

    @Override
    public Map<String, Object> forRequest(ServerRequest request) {
        AccountMenu menu = request.context().get(AccountMenu.class).orElse(null);
        if (menu == null) {
            return Map.of();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("signin", menu.signInPath());
        parameters.put("account", site.publicUrls().get(ServiceName.ACCOUNT));
        if (menu.signedIn()) {
            parameters.put("name", menu.user().name());
            parameters.put("csrf", CsrfToken.of(request).orElse(""));
        }
        // Federation renders it from these parameters alone, so the same parameters give the same menu.
        return fragments.fetchForParameters(ACCOUNT_MENU, parameters)
                .<Map<String, Object>>map(html -> Map.of("accountMenuHtml", html))
                .orElse(Map.of());
    }
}
