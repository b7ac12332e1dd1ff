package com.roseash.federation.users;

import java.util.Set;

/**
 * A platform user. Roles: admin, editor, member.
 *
 * @param emailConfirmed    whether they followed the confirmation link sent to {@code email}
 * @param sessionGeneration the sessions that count: those begun in this generation (bumped to end them all)
 */
public record User(long id, String email, String displayName, Set<String> roles, boolean emailConfirmed,
                   int sessionGeneration) {

    public static final Set<String> ROLES = Set.of("admin", "editor", "member");

    /** The OpenID subject every service knows the user by. */
    public String subject() {
        return String.valueOf(id);
    }
}
