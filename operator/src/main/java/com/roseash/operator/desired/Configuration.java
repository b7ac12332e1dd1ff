package com.roseash.operator.desired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import com.roseash.contract.RuntimeKeys;
import com.roseash.contract.ServiceName;
import com.roseash.contract.Sockets;
import com.roseash.operator.resource.MailSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;

import static com.roseash.contract.RuntimeKeys.environmentVariable;

/**
 * The platform's non-secret configuration, one ConfigMap every service reads through {@code envFrom}:
 * the domain, each service's public and internal URL, Redis when the operator runs it, JSON logs, and the
 * SMTP server when the resource names one. Secret values are never here (docs/platform.md, "Runtime contract").
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
        data.put(environmentVariable(RuntimeKeys.DOMAIN), platform.domain());
        data.put(environmentVariable(RuntimeKeys.ADMIN_EMAIL), adminEmail(platform));
        // One JSON object per line, for the cluster's log pipeline (docs/platform.md, "Logs").
        data.put(environmentVariable(RuntimeKeys.LOG_FORMAT), "json");
        for (ServiceName service : ServiceName.values()) {
            data.put(environmentVariable(RuntimeKeys.publicUrl(service)), publicUrl(platform, service.id()));
            if (platform.enabled(service.id())) {
                data.put(environmentVariable(RuntimeKeys.internalUrl(service)), "http://" + platform.child(service.id()) + "."
                        + platform.namespace() + ".svc:" + Sockets.INTERNAL_PORT + "/");
            }
        }
        if (platform.spec().redis().external() == null) {
            data.put(environmentVariable(RuntimeKeys.REDIS_URL), "redis://" + ManagedRedis.name(platform) + "."
                    + platform.namespace() + ".svc:6379");
        }
        data.putAll(mail(platform));
        return data;
    }

    /**
     * The SMTP server, for every service (any may send mail); its user and password are read from the
     * resource's Secret (ServiceWorkloads). Nothing without {@code spec.mail}: the services then send no mail.
     */
    static Map<String, String> mail(PlatformView platform) {
        MailSpec mail = platform.spec().mail();
        if (mail == null) {
            return Map.of();
        }
        MailSpec.Security security = mail.security() == null ? MailSpec.Security.STARTTLS : mail.security();
        // The services' own default, 587, is the submission port; TLS from the first byte is served on 465.
        int port = mail.port() != null ? mail.port() : security == MailSpec.Security.TLS ? 465 : 587;
        return Map.of(environmentVariable(RuntimeKeys.MAIL_HOST), mail.host(),
                environmentVariable(RuntimeKeys.MAIL_PORT), String.valueOf(port),
                environmentVariable(RuntimeKeys.MAIL_FROM), mail.from() != null ? mail.from() : "no-reply@" + platform.domain(),
                environmentVariable(RuntimeKeys.MAIL_SECURITY), security.value());
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
