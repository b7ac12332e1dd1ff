package com.roseash.operator.testing;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.roseash.operator.resource.RoseAshPlatform;
import com.roseash.operator.runtime.OperatorOptions;
import com.roseash.operator.runtime.RoseAshOperator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The operator run in-process against the test control plane, as it runs in a cluster: with the CRD
 * from crds/, under the ServiceAccount of manifests/operator/rbac.yaml (the API server enforces that
 * Role, by impersonation), with leader election on. Each test starts its own, watching its namespace.
 */
public final class OperatorUnderTest {

    public static final String OPERATOR_NAMESPACE = "rose-ash-system";
    public static final String SERVICE_ACCOUNT = "rose-ash-operator";
    private static final AtomicInteger LEASES = new AtomicInteger();
    private static boolean installed;

    private OperatorUnderTest() {
    }

    /** Applies the CRD and the operator's RBAC, once per JVM. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        try (KubernetesClient admin = ControlPlane.shared().newClient()) {
            for (String file : new String[] {"../crds/roseashplatforms.rose-ash.com-v1.yml",
                    "../manifests/operator/namespace.yaml",
                    "../manifests/operator/rbac.yaml"}) {
                try (FileInputStream in = new FileInputStream(Path.of(file).toFile())) {
                    for (HasMetadata object : admin.load(in).items()) {
                        admin.resource(object).forceConflicts().serverSideApply();
                    }
                }
            }
            admin.apiextensions().v1().customResourceDefinitions().withName("roseashplatforms.rose-ash.com")
                    .waitUntilCondition(crd -> crd != null && crd.getStatus() != null && crd.getStatus().getConditions().stream()
                            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())), 1,
                                    TimeUnit.MINUTES);
            installed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An operator watching the given namespaces, reconciling every platform at least every {@code resync}. */
    public static RoseAshOperator start(Duration resync, String... namespaces) {
        return start("test-" + LEASES.incrementAndGet(), resync, namespaces);
    }

    public static RoseAshOperator start(String lease, Duration resync, String... namespaces) {
        return start(lease, "operator-" + lease + "-" + System.nanoTime(), resync, namespaces);
    }

    /** An operator competing for {@code lease} as {@code identity} (in a cluster, its pod's name). */
    public static RoseAshOperator start(String lease, String identity, Duration resync, String... namespaces) {
        install();
        return RoseAshOperator.start(serviceAccountConfig(), new OperatorOptions(lease, OPERATOR_NAMESPACE,
                identity, true, false, Set.of(namespaces), resync, "127.0.0.1", 0));
    }

    /** The cluster-admin config, acting as the operator's ServiceAccount. */
    public static Config serviceAccountConfig() {
        Config config = ControlPlane.shared().config();
        config.setImpersonateUsername("system:serviceaccount:" + OPERATOR_NAMESPACE + ":" + SERVICE_ACCOUNT);
        config.setImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:" + OPERATOR_NAMESPACE,
                "system:authenticated");
        return config;
    }

    /** A static PersistentVolume of the given class on the kwok node, for a managed database's claim to bind. */
    public static void createVolume(KubernetesClient admin, String name, String storageClass) {
        admin.persistentVolumes().resource(new PersistentVolumeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withStorageClassName(storageClass).withAccessModes("ReadWriteOnce")
                .addToCapacity("storage", new Quantity("20Gi")).withPersistentVolumeReclaimPolicy("Retain")
                .withNewHostPath().withPath("/tmp/" + name).endHostPath().endSpec().build()).create();
    }

    public static RoseAshPlatform platform(String yaml) {
        return Serialization.unmarshal(yaml, RoseAshPlatform.class);
    }
}
