package com.roseash.federation.users;

import java.util.Set;

/** A platform user. Roles: admin, editor, member. */
public record User(long id, String email, String displayName, Set<String> roles) {

    public static final Set<String> ROLES = Set.of("admin", "editor", "member");
}
