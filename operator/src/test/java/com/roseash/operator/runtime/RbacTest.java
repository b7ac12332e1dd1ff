package com.roseash.operator.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.roseash.operator.reconcile.PlatformReconciler;
import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's permissions, written out here as a cluster admin reviews them (API group, resource,
 * verbs), not derived from the code: manifests/operator/rbac.yaml must grant exactly these, and the
 * reconciler (its workflow's dependents, what it touches itself, the platform resource and its status)
 * must need exactly these. A change to either side fails here until this list is changed and reviewed.
 * The control-plane tests run the operator under that Role, so a missing verb fails them too.
 */
class RbacTest {

    /** The ClusterRole: one line per API group and resource ("" is the core group), verbs sorted. */
    private static final Set<String> CLUSTER_ROLE = Set.of(
            "rose-ash.com/roseashplatforms [get, list, watch]",
            "rose-ash.com/roseashplatforms/status [get, patch, update]",
            "/configmaps [create, delete, get, list, patch, update, watch]",
            "/secrets [create, delete, get, list, patch, update, watch]",
            "/services [create, delete, get, list, patch, update, watch]",
            "/persistentvolumeclaims [get, update]",
            "/pods [get, list]",
            "apps/deployments [create, delete, get, list, patch, update, watch]",
            "apps/statefulsets [create, delete, get, list, patch, update, watch]",
            "batch/jobs [create, delete, get, list, patch, update, watch]",
            "networking.k8s.io/ingresses [create, delete, get, list, patch, update, watch]",
            "networking.k8s.io/networkpolicies [create, delete, get, list, patch, update, watch]",
            "policy/poddisruptionbudgets [create, delete, get, list, patch, update, watch]");

    /** The Role in the operator's own namespace, for leader election. */
    private static final Set<String> LEADER_ELECTION_ROLE = Set.of("coordination.k8s.io/leases [create, get, patch, update]");

    /** What JOSDK does with a kind a dependent manages: read, watch and write it. */
    private static final Set<String> MANAGED = Set.of("get", "list", "watch", "create", "patch", "update", "delete");

    @Test
    void theManifestGrantsExactlyTheReviewedPermissions() throws IOException {
        assertThat(rules(document("ClusterRole", ClusterRole.class).getRules())).as("the ClusterRole in rbac.yaml")
                .isEqualTo(new TreeSet<>(CLUSTER_ROLE));
        assertThat(rules(document("Role", Role.class).getRules())).as("the leader-election Role in rbac.yaml")
                .isEqualTo(new TreeSet<>(LEADER_ELECTION_ROLE));
    }

    @Test
    void theReconcilerNeedsExactlyTheReviewedPermissions() throws Exception {
        Set<String> needed = new TreeSet<>();
        for (Dependent dependent : PlatformReconciler.class.getAnnotation(Workflow.class).dependents()) {
            Class<? extends HasMetadata> type = resourceType(dependent);
            needed.add(HasMetadata.getGroup(type) + "/" + HasMetadata.getPlural(type) + " " + new TreeSet<>(MANAGED));
        }
        needed.addAll(PlatformReconciler.DIRECT_ACCESS);
        needed.add(HasMetadata.getGroup(RoseAshPlatform.class) + "/" + HasMetadata.getPlural(RoseAshPlatform.class)
                + " [get, list, watch]");
        needed.add(HasMetadata.getGroup(RoseAshPlatform.class) + "/" + HasMetadata.getPlural(RoseAshPlatform.class)
                + "/status [get, patch, update]");

        assertThat(needed).as("what the workflow and the reconciler use").isEqualTo(new TreeSet<>(CLUSTER_ROLE));
    }

    /** Each rule as lines of group/resource and sorted verbs; a rule limited to some names is not expected at all. */
    private static Set<String> rules(List<PolicyRule> rules) {
        Set<String> granted = new TreeSet<>();
        for (PolicyRule rule : rules) {
            assertThat(rule.getResourceNames()).as("a rule limited to named resources").isNullOrEmpty();
            assertThat(rule.getNonResourceURLs()).as("a rule on non-resource URLs").isNullOrEmpty();
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    granted.add(group + "/" + resource + " " + new TreeSet<>(rule.getVerbs()));
                }
            }
        }
        return granted;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends HasMetadata> resourceType(Dependent dependent) throws ReflectiveOperationException {
        DependentResource<?, ?> instance = dependent.type().getDeclaredConstructor().newInstance();
        return (Class<? extends HasMetadata>) instance.resourceType();
    }

    private static <T> T document(String kind, Class<T> type) throws IOException {
        for (String document : Files.readString(Path.of("../manifests/operator/rbac.yaml")).split("(?m)^---$")) {
            // The document's own kind, at the start of a line: a binding's roleRef names its Role indented.
            if (Pattern.compile("(?m)^kind: " + kind + "$").matcher(document).find()) {
                return Serialization.unmarshal(document, type);
            }
        }
        throw new AssertionError("no " + kind + " in rbac.yaml");
    }
}
