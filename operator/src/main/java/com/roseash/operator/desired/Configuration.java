package com.roseash.operator.desired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;

/**
 * The platform's non-secret configuration, one ConfigMap every service reads through {@code envFrom}:
 * the domain, each service's public and internal URL, and Redis when the operator runs it. Secret
 * values are never here (DESIGN section 4).
 */
public final class Configuration {

    private Configuration() {
    }

    public static String name(PlatformView platform) {
        return platform.child("config");
    }

    public static ConfigMap configMap(PlatformView platform) {
        return new ConfigMapBuilder()
                .withNewMetadata().withName(name(platform)).withNamespace(platform.namespace())
                .withLabels(Labels.of(platform, "config")).endMetadata()
                .withData(data(platform)).build();
    }

    static Map<String, String> data(PlatformView platform) {
        Map<String, String> data = new TreeMap<>();
        data.put(Contract.DOMAIN, platform.domain());
        data.put(Contract.ADMIN_EMAIL, adminEmail(platform));
        for (String service : Contract.SERVICES) {
            data.put(Contract.publicUrl(service), publicUrl(platform, service));
            if (platform.enabled(service)) {
                data.put(Contract.internalUrl(service), "http://" + platform.child(service) + "." + platform.namespace()
                        + ".svc:" + Contract.INTERNAL_PORT + "/");
            }
        }
        if (platform.spec().redis().external() == null) {
            data.put(Contract.REDIS_URL, "redis://" + ManagedRedis.name(platform) + "." + platform.namespace() + ".svc:6379");
        }
        return data;
    }

    /** The first administrator's sign-in; the password is in the generated Secret (admin-password). */
    public static String adminEmail(PlatformView platform) {
        return "admin@" + platform.domain();
    }

    public static String publicUrl(PlatformView platform, String service) {
        return "https://" + platform.host(service) + "/";
    }

    /**
     * A digest of the ConfigMap's data, put on every pod template: environment variables are read at
     * start, so a changed configuration must roll the pods, and an unchanged one must not.
     */
    public static String digest(PlatformView platform) {
        return sha256(data(platform).toString()).substring(0, 16);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
