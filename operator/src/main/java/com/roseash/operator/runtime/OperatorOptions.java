package com.roseash.operator.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How one operator process runs, from its environment: the name and namespace of its leader-election Lease and
 * its identity (both from the downward API in a cluster), whether to elect a leader and to exit when the
 * lease is lost (so a deposed leader never reconciles next to the new one), the namespaces it
 * watches (all when empty), how often every platform is reconciled even without events, and the port of
 * its health and metrics endpoint.
 */
public record OperatorOptions(String leaseName, String leaseNamespace, String identity, boolean leaderElection,
        boolean exitWhenLeadershipLost, Set<String> namespaces, Duration resyncInterval, String adminHost, int adminPort) {

    public static OperatorOptions fromEnvironment(Map<String, String> env) {
        String namespaces = env.getOrDefault("ROSE_ASH_OPERATOR_NAMESPACES", "");
        return new OperatorOptions(
                env.getOrDefault("ROSE_ASH_OPERATOR_LEASE", "rose-ash-operator"),
                env.getOrDefault("POD_NAMESPACE", "rose-ash-system"),
                env.getOrDefault("POD_NAME", "rose-ash-operator-" + ProcessHandle.current().pid()),
                !"false".equals(env.get("ROSE_ASH_OPERATOR_LEADER_ELECTION")),
                true,
                namespaces.isBlank() ? Set.of() : Set.of(namespaces.split(",")),
                Duration.parse(env.getOrDefault("ROSE_ASH_OPERATOR_RESYNC", "PT10M")),
                env.getOrDefault("ROSE_ASH_OPERATOR_ADMIN_HOST", "0.0.0.0"),
                Integer.parseInt(env.getOrDefault("ROSE_ASH_OPERATOR_ADMIN_PORT", "8081")));
    }
}
