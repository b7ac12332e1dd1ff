package com.roseash.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The six services of the platform, in the order their migrations run, with what each one needs from the
 * platform. This is the one list: the operator's CRD rule and workloads, the local stack, the migrator and
 * the image build all derive from it (docs/platform.md, "Runtime contract").
 */
public enum ServiceName {
    BLOG(Module.LANDED, SignOn.CLIENT, true, "posts, pages, tags and navigation"),
    MARKET(Module.LANDED, SignOn.CLIENT, false, "products, categories and stalls"),
    CART(Module.LANDED, SignOn.CLIENT, false, "carts, orders and payments"),
    EVENTS(Module.LANDED, SignOn.CLIENT, false, "calendars, events and tickets"),
    FEDERATION(Module.LANDED, SignOn.PROVIDER, false, "users, single sign-on and ActivityPub"),
    ACCOUNT(Module.LANDED, SignOn.CLIENT, false, "the member's dashboard");

    /**
     * The CEL list the CRD uses to refuse unknown keys under {@code spec.services}. An annotation needs a
     * constant, so it is written out here, and {@code ServiceNameTest} fails when it and the enum differ.
     */
    public static final String CEL_LIST = "['blog', 'market', 'cart', 'events', 'federation', 'account']";
    /** The same names for people: error messages and the CRD's descriptions. */
    public static final String NAMES = "blog, market, cart, events, federation, account";

    /** Whether a service's module, image and schema exist yet. */
    public enum Module { LANDED, COMING }

    /** Federation is the OpenID provider; every other service signs its users in through it. */
    public enum SignOn { PROVIDER, CLIENT }

    private final Module module;
    private final SignOn signOn;
    private final boolean servesApex;
    private final String description;

    ServiceName(Module module, SignOn signOn, boolean servesApex, String description) {
        this.module = module;
        this.signOn = signOn;
        this.servesApex = servesApex;
        this.description = description;
    }

    /** The lowercase id used in hosts, schemas, image names and configuration keys. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ServiceName fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ServiceName::id).toList();
    }

    /** The services whose modules exist, in migration order: what the stack starts and the migrator migrates. */
    public static List<ServiceName> landed() {
        return Arrays.stream(values()).filter(s -> s.module == Module.LANDED).toList();
    }

    public boolean isLanded() {
        return module == Module.LANDED;
    }

    /** Whether this service also answers on the platform's bare domain (the home page). */
    public boolean servesApex() {
        return servesApex;
    }

    public SignOn signOn() {
        return signOn;
    }

    /** What the service holds, for image descriptions and docs. */
    public String description() {
        return description;
    }

    /**
     * The secret settings this service reads when {@code enabled} services run, each with the key of the
     * generated platform Secret it comes from. Every service signs CSRF tokens with the shared session
     * secret; the provider holds its signing key, the first administrator's password and every running
     * client's secret; a client holds its own.
     */
    public List<SecretSetting> secrets(Set<ServiceName> enabled) {
        List<SecretSetting> secrets = new ArrayList<>();
        secrets.add(SecretSetting.required(RuntimeKeys.SESSION_SECRET, GeneratedSecret.SESSION_SECRET));
        if (signOn == SignOn.PROVIDER) {
            secrets.add(SecretSetting.required(RuntimeKeys.SIGNING_KEY, GeneratedSecret.SIGNING_KEY));
            // Optional: a Secret generated before this key existed lacks it, and federation then makes no admin.
            secrets.add(SecretSetting.optional(RuntimeKeys.ADMIN_PASSWORD, GeneratedSecret.ADMIN_PASSWORD));
            for (ServiceName client : values()) {
                if (client.signOn == SignOn.CLIENT && enabled.contains(client)) {
                    secrets.add(SecretSetting.required(RuntimeKeys.clientSecret(client), GeneratedSecret.clientSecret(client)));
                }
            }
        } else {
            secrets.add(SecretSetting.required(RuntimeKeys.clientSecret(this), GeneratedSecret.clientSecret(this)));
        }
        return List.copyOf(secrets);
    }
}
