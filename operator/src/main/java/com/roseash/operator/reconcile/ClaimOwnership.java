package com.roseash.operator.reconcile;

import java.util.ArrayList;
import java.util.List;

import com.roseash.operator.desired.ManagedPostgres;
import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Whether the managed database's claim goes with the platform: owned by the platform (so the garbage
 * collector deletes it with the platform) unless {@code keepVolumes}. The StatefulSet controller makes
 * the claim, so the operator can only adjust it; it writes only when the ownership is not as asked.
 */
final class ClaimOwnership {

    private ClaimOwnership() {
    }

    static void reconcile(RoseAshPlatform platform, PlatformView view, KubernetesClient client) {
        PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace(view.namespace())
                .withName(ManagedPostgres.claim(view)).get();
        if (claim == null) {
            return;
        }
        boolean owned = claim.getMetadata().getOwnerReferences().stream()
                .anyMatch(o -> platform.getMetadata().getUid().equals(o.getUid()));
        boolean keep = Boolean.TRUE.equals(platform.getSpec().keepVolumes());
        if (owned == !keep) {
            return;
        }
        List<OwnerReference> owners = new ArrayList<>(claim.getMetadata().getOwnerReferences());
        owners.removeIf(o -> platform.getMetadata().getUid().equals(o.getUid()));
        if (!keep) {
            owners.add(new OwnerReferenceBuilder().withApiVersion(platform.getApiVersion()).withKind(platform.getKind())
                    .withName(platform.getMetadata().getName()).withUid(platform.getMetadata().getUid()).build());
        }
        claim.getMetadata().setOwnerReferences(owners);
        // An update with the claim's resourceVersion: a concurrent change fails it, and the next
        // reconcile looks again.
        client.resource(claim).update();
    }
}
