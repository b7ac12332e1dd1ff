package com.roseash.account.dashboard;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.roseash.contract.ServiceName;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.fragments.Fragment;
import com.roseash.platform.fragments.FragmentClient;
import com.roseash.platform.visitor.CurrentUser;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * The dashboard: the member's profile as federation vouches for it, their orders as cart keeps them, and their
 * tickets and bookings as events keeps them (cart's {@code member-orders}, events' {@code member-tickets} and
 * {@code member-bookings} fragments, asked for at once so the page waits at most one fragment timeout). A section
 * whose service is slow or down says so; the rest shows. Members only. Mounted at the root.
 */
public final class DashboardRoutes implements HttpService {

    static final Fragment MEMBER_ORDERS = new Fragment(ServiceName.CART, "member-orders");
    static final Fragment MEMBER_TICKETS = new Fragment(ServiceName.EVENTS, "member-tickets");
    static final Fragment MEMBER_BOOKINGS = new Fragment(ServiceName.EVENTS, "member-bookings");

    private final PageRenderer renderer;
    private final Roles roles;
    private final FragmentClient fragments;

    public DashboardRoutes(PageRenderer renderer, Roles roles, FragmentClient fragments) {
        this.renderer = renderer;
        this.roles = roles;
        this.fragments = fragments;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", roles.require("member", (request, response) -> {
            CurrentUser user = CurrentUser.of(request).orElseThrow();
            Map<String, String> member = Map.of("member", user.subject());
            Map<String, Object> model = new HashMap<>();
            model.put("roleList", user.roles().stream().sorted().toList());
            try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<String> orders = parallel.submit(() -> section(MEMBER_ORDERS, member, "Your orders"));
                Future<String> tickets = parallel.submit(() -> section(MEMBER_TICKETS, member, "Your tickets"));
                Future<String> bookings = parallel.submit(() -> section(MEMBER_BOOKINGS, member, "Your bookings"));
                model.put("ordersHtml", orders.get());
                model.put("ticketsHtml", tickets.get());
                model.put("bookingsHtml", bookings.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while asking for the account's sections", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Asking for the account's sections failed", e.getCause());
            }
            renderer.render(request, response, new Page("Your account", "account/dashboard", model));
        }));
    }

    /** A member's section from its service, or a clear notice that it cannot be shown just now. */
    private String section(Fragment fragment, Map<String, String> member, String what) {
        return fragments.fetchPersonal(fragment, member)
                .orElse("<p class=\"fragment-unavailable\">" + what + " cannot be shown just now.</p>");
    }
}
