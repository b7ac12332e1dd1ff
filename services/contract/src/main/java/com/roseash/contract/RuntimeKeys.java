package com.roseash.contract;

import java.util.Locale;

/**
 * The configuration keys the operator (and the local stack) set and the services read, and the
 * environment variable each one is read from. The services give them defaults and descriptions
 * (platform's {@code PlatformSettings}); the operator puts them in the ConfigMap and the pods' environment.
 */
public final class RuntimeKeys {

    public static final String DOMAIN = "rose-ash.domain";
    public static final String DB_URL = "rose-ash.db.url";
    public static final String DB_USER = "rose-ash.db.user";
    public static final String DB_PASSWORD = "rose-ash.db.password";
    public static final String REDIS_URL = "rose-ash.redis.url";
    public static final String SESSION_SECRET = "rose-ash.session.secret";
    public static final String SIGNING_KEY = "rose-ash.signing-key";
    public static final String ADMIN_EMAIL = "rose-ash.admin.email";
    public static final String ADMIN_PASSWORD = "rose-ash.admin.password";
    public static final String LOG_FORMAT = "rose-ash.log.format";
    /** SumUp's API: the cart's payments. The key is a secret, from a Secret the platform names. */
    public static final String SUMUP_API_URL = "rose-ash.sumup.api-url";
    public static final String SUMUP_API_KEY = "rose-ash.sumup.api-key";
    public static final String SUMUP_MERCHANT_CODE = "rose-ash.sumup.merchant-code";
    /** The SMTP server the platform's mail (order confirmations, account mail) goes through. */
    public static final String MAIL_HOST = "rose-ash.mail.host";
    public static final String MAIL_PORT = "rose-ash.mail.port";
    public static final String MAIL_FROM = "rose-ash.mail.from";
    public static final String MAIL_USERNAME = "rose-ash.mail.username";
    public static final String MAIL_PASSWORD = "rose-ash.mail.password";
    public static final String MAIL_SECURITY = "rose-ash.mail.security";

    private RuntimeKeys() {
    }

    /** Browser-facing base URL of a service. */
    public static String publicUrl(ServiceName service) {
        return "rose-ash.services." + service.id() + ".public-url";
    }

    /** Base URL of a service's internal socket, as the other services reach it. */
    public static String internalUrl(ServiceName service) {
        return "rose-ash.services." + service.id() + ".internal-url";
    }

    /** A service's OAuth client secret: federation checks it, the service presents it. */
    public static String clientSecret(ServiceName service) {
        return "rose-ash.oauth.client-secret." + service.id();
    }

    /**
     * {@code rose-ash.db.pool-size} is read from {@code ROSE_ASH_DB_POOL_SIZE}. (Helidon's own mapping would
     * read {@code rose.ash...}: the tree's root has a dash.)
     */
    public static String environmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
