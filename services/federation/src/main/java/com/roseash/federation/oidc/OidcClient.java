package com.roseash.federation.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * A relying party: one of the platform's own services. Redirect URIs are matched exactly, never by
 * prefix. Consent is skipped: these are the cooperative's own services.
 */
public record OidcClient(String id, String secret, Set<String> redirectUris, Set<String> postLogoutRedirectUris) {

    public boolean secretMatches(String presented) {
        return presented != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "OidcClient[id=" + id + ", redirectUris=" + redirectUris + "]";
    }
}
