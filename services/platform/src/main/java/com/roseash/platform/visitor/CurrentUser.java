package com.roseash.platform.visitor;

import java.util.Optional;
import java.util.Set;

import io.helidon.webserver.http.ServerRequest;

/** The signed-in user of this request, as federation vouched for them at sign-in. */
public record CurrentUser(String subject, String name, String email, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Templates: {@code {{#currentUser.editor}}}. */
    public boolean editor() {
        return hasRole("editor") || hasRole("admin");
    }

    public boolean admin() {
        return hasRole("admin");
    }

    public static Optional<CurrentUser> of(ServerRequest request) {
        return request.context().get(CurrentUser.class);
    }
}
