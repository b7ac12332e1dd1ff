package com.roseash.operator.reconcile;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.roseash.operator.desired.DesiredState;
import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The children the reconciler's workflow manages are the objects DesiredState builds (what {@code render}
 * prints), plus the generated Secrets, whose values only the cluster makes. Both sides are read from the
 * code: the dependents from PlatformReconciler's {@code @Workflow} annotation (each one's preconditions
 * evaluated, each one asked what it would apply), so a child added to one side only fails here.
 */
class WorkflowChildrenTest {

    private static final String EVERYTHING = """
            apiVersion: rose-ash.com/v1alpha1
            kind: RoseAshPlatform
            metadata: {name: coop, namespace: shop}
            spec:
              domain: coop.example
              images: {registry: registry.test, tag: "1.0.0"}
              services: {blog: {replicas: 2}, market: {replicas: 2}, cart: {replicas: 2}, events: {replicas: 2},
                         federation: {replicas: 2}, account: {replicas: 2}}
              database: {managed: {storageSize: 1Gi}}
              redis: {managed: {}}
              ingress: {className: nginx, tls: {issuer: letsencrypt}}
            """;
    private static final String EXTERNAL = """
            apiVersion: rose-ash.com/v1alpha1
            kind: RoseAshPlatform
            metadata: {name: coop, namespace: shop}
            spec:
              domain: coop.example
              services: {market: {enabled: false}, cart: {replicas: 3}}
              database: {external: {name: db}}
              redis: {external: {name: redis}}
            """;

    @ParameterizedTest
    @ValueSource(strings = {EVERYTHING, EXTERNAL})
    void theWorkflowsChildrenAreWhatDesiredStateBuildsAndTheGeneratedSecrets(String yaml) throws Exception {
        RoseAshPlatform platform = Serialization.unmarshal(yaml, RoseAshPlatform.class);

        Set<String> managed = new TreeSet<>();
        for (Dependent dependent : PlatformReconciler.class.getAnnotation(Workflow.class).dependents()) {
            DependentResource<?, RoseAshPlatform> instance = instance(dependent);
            if (preconditionHolds(dependent, instance, platform)) {
                children(instance, platform).forEach(child -> managed.add(key(child)));
            }
        }
        Set<String> built = new TreeSet<>();
        DesiredState.of(platform).forEach(object -> built.add(key(object)));

        Set<String> generatedSecrets = new TreeSet<>(managed);
        generatedSecrets.removeIf(child -> !child.startsWith("Secret/"));
        assertThat(built).as("DesiredState builds no Secret").noneMatch(object -> object.startsWith("Secret/"));
        Set<String> expected = new TreeSet<>(built);
        expected.addAll(generatedSecrets);
        assertThat(managed).isEqualTo(expected);
        assertThat(generatedSecrets).contains("Secret/coop-secrets");
    }

    /** What a dependent would apply for the platform, and under the name it looks its child up by. */
    private static Collection<? extends HasMetadata> children(DependentResource<?, RoseAshPlatform> dependent,
                                                              RoseAshPlatform platform) {
        if (dependent instanceof PerServiceDependent<?> perService) {
            return perService.desiredResources(platform, null).values();
        }
        if (dependent instanceof OwnedChildDependent<?> owned) {
            HasMetadata child = owned.desired(platform, null);
            assertThat(owned.targetSecondaryResourceID(platform, null).getName())
                    .as("%s looks its child up by the name it builds it with", dependent.getClass().getSimpleName())
                    .isEqualTo(child.getMetadata().getName());
            return List.of(child);
        }
        return fail("%s: a kind of dependent this test does not know; say here what it manages",
                dependent.getClass().getSimpleName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean preconditionHolds(Dependent dependent, DependentResource<?, RoseAshPlatform> instance,
                                             RoseAshPlatform platform) throws ReflectiveOperationException {
        if (dependent.reconcilePrecondition() == Condition.class) {
            return true;
        }
        Condition condition = dependent.reconcilePrecondition().getDeclaredConstructor().newInstance();
        return condition.isMet(instance, platform, null);
    }

    @SuppressWarnings("unchecked")
    private static DependentResource<?, RoseAshPlatform> instance(Dependent dependent) throws ReflectiveOperationException {
        return (DependentResource<?, RoseAshPlatform>) dependent.type().getDeclaredConstructor().newInstance();
    }

    private static String key(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
