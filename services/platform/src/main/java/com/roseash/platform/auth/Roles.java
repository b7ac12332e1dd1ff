package com.roseash.platform.auth;

import java.util.Optional;

import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.visitor.CurrentUser;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;

/**
 * Guards a handler by role: anonymous visitors are sent to sign in (and come back), signed-in users
 * without the role get a 403 (a page for browsers). Admins hold every role.
 */
public final class Roles {

    private final ErrorResponses errors;

    public Roles(ErrorResponses errors) {
        this.errors = errors;
    }

    public Handler require(String role, Handler handler) {
        return (request, response) -> {
            Optional<CurrentUser> user = CurrentUser.of(request);
            if (user.isEmpty()) {
                response.status(Status.SEE_OTHER_303)
                        .header(HeaderNames.LOCATION, OidcLogin.loginPath(OidcLogin.here(request)))
                        .send();
                return;
            }
            if (!user.get().hasRole(role) && !user.get().admin()) {
                errors.render(request, response, Status.FORBIDDEN_403, "This page is for " + role + "s only.");
                return;
            }
            handler.handle(request, response);
        };
    }
}
