package com.roseash.operator.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import com.roseash.operator.reconcile.PlatformReconciler;
import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ClusterRole in manifests/operator/rbac.yaml grants exactly the kinds the reconciler's workflow
 * manages, what the reconciler touches itself, and the platform resource and its status; the control-plane
 * tests run the operator under that Role, so a missing verb fails them too.
 */
class RbacTest {

    private static final Set<String> WRITE = Set.of("get", "list", "watch", "create", "patch", "update", "delete");

    @Test
    void theClusterRoleCoversWhatTheWorkflowManagesAndNothingElse() throws Exception {
        ClusterRole role = clusterRole();
        Set<String> granted = new TreeSet<>();
        for (PolicyRule rule : role.getRules()) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    granted.add(group + "/" + resource + " " + new TreeSet<>(rule.getVerbs()));
                }
            }
        }

        Set<String> needed = new TreeSet<>();
        for (Dependent dependent : PlatformReconciler.class.getAnnotation(Workflow.class).dependents()) {
            Class<? extends HasMetadata> type = resourceType(dependent);
            needed.add(HasMetadata.getGroup(type) + "/" + HasMetadata.getPlural(type) + " " + new TreeSet<>(WRITE));
        }
        needed.addAll(PlatformReconciler.DIRECT_ACCESS);
        needed.add("rose-ash.com/" + HasMetadata.getPlural(RoseAshPlatform.class) + " [get, list, watch]");
        needed.add("rose-ash.com/" + HasMetadata.getPlural(RoseAshPlatform.class) + "/status [get, patch, update]");

        assertThat(granted).isEqualTo(needed);
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends HasMetadata> resourceType(Dependent dependent) throws ReflectiveOperationException {
        DependentResource<?, ?> instance = dependent.type().getDeclaredConstructor().newInstance();
        return (Class<? extends HasMetadata>) instance.resourceType();
    }

    private static ClusterRole clusterRole() throws IOException {
        for (String document : Files.readString(Path.of("../manifests/operator/rbac.yaml")).split("(?m)^---$")) {
            if (document.contains("kind: ClusterRole\n")) {
                return Serialization.unmarshal(document, ClusterRole.class);
            }
        }
        throw new AssertionError("no ClusterRole in rbac.yaml");
    }
}
