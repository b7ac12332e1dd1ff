package com.roseash.platform.auth;

import java.net.URI;

import com.roseash.contract.ServiceName;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;

/**
 * This service as an OAuth client of federation: its id and secret, where browsers are sent to sign in
 * (federation's public URL) and where the service itself fetches tokens and keys (federation's internal
 * socket, which serves the same endpoints).
 */
public record ClientSettings(String clientId, String clientSecret, String issuer, URI federationPublic, URI federationInternal,
                             URI ownPublic) {

    public static ClientSettings from(RoseAshConfig config, ServiceName service) {
        String federation = slash(config.string(PlatformSettings.publicUrl(ServiceName.FEDERATION)));
        String internal = slash(config.value(PlatformSettings.internalUrl(ServiceName.FEDERATION)).orElse(federation));
        return new ClientSettings(service.id(), config.value(PlatformSettings.clientSecret(service)).orElse(""),
                federation.substring(0, federation.length() - 1), URI.create(federation), URI.create(internal),
                URI.create(slash(config.string(PlatformSettings.publicUrl(service)))));
    }

    public String redirectUri() {
        return ownPublic.resolve("auth/callback").toString();
    }

    @Override
    public String toString() {
        return "ClientSettings[clientId=" + clientId + ", issuer=" + issuer + "]";
    }

    private static String slash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
