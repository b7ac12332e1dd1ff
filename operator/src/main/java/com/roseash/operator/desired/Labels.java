package com.roseash.operator.desired;

import java.util.Map;
import java.util.TreeMap;

/** The labels every child carries; selectors use the instance and component. */
public final class Labels {

    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String OPERATOR = "rose-ash-operator";
    /** What the operator's informers select: only the objects it made, not every Secret in the cluster. */
    public static final String MANAGED_BY_OPERATOR = MANAGED_BY + "=" + OPERATOR;

    private Labels() {
    }

    // Sorted maps: rendered manifests must come out byte-identical from run to run (GitOps diffs).
    public static Map<String, String> of(PlatformView platform, String component) {
        return new TreeMap<>(Map.of(NAME, "rose-ash", INSTANCE, platform.name(), COMPONENT, component,
                MANAGED_BY, OPERATOR));
    }

    public static Map<String, String> selector(PlatformView platform, String component) {
        return new TreeMap<>(Map.of(INSTANCE, platform.name(), COMPONENT, component));
    }
}
