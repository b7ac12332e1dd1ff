package com.roseash.operator.desired;

import java.util.Map;
import java.util.TreeMap;

import com.roseash.operator.resource.DatabaseSpec.ManagedDatabaseSpec;
import com.roseash.operator.resource.PostgresVersion;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;

/**
 * The PostgreSQL the operator runs for small installs: one StatefulSet pod whose data lives on a
 * PersistentVolumeClaim, a Service, and a credentials Secret (generated once by the reconciler, with
 * the same keys an external database's Secret has). The claim outlives the StatefulSet always, and the
 * platform when the resource says {@code keepVolumes}.
 */
public final class ManagedPostgres {

    public static final String COMPONENT = "postgres";
    public static final String DATABASE = "roseash";
    public static final String USER = "roseash";
    public static final int PORT = 5432;

    private ManagedPostgres() {
    }

    public static String name(PlatformView platform) {
        return platform.child(COMPONENT);
    }

    /** The data claim the StatefulSet controller makes for the one pod. */
    public static String claim(PlatformView platform) {
        return "data-" + name(platform) + "-0";
    }

    /** The Service's DNS name, which the migrations Job waits for. */
    public static String host(PlatformView platform) {
        return name(platform) + "." + platform.namespace() + ".svc";
    }

    /** The keys of the credentials Secret, but its password, which the caller generates. */
    public static Map<String, String> credentials(PlatformView platform, String password) {
        Map<String, String> data = new TreeMap<>();
        data.put("url", "jdbc:postgresql://" + host(platform) + ":" + PORT + "/" + DATABASE);
        data.put("user", USER);
        data.put("password", password);
        return data;
    }

    /** The resource's own image, or the {@code rose-ash/postgres-<major>} image of this release. */
    public static String image(PlatformView platform) {
        ManagedDatabaseSpec managed = platform.spec().database().managed();
        return managed.image() != null ? managed.image() : platform.image("postgres-" + version(managed));
    }

    private static String version(ManagedDatabaseSpec managed) {
        return managed.version() == null ? PostgresVersion.V17.number() : managed.version().number();
    }

    public static StatefulSet statefulSet(PlatformView platform) {
        ManagedDatabaseSpec managed = platform.spec().database().managed();
        String size = managed.storageSize() == null ? "10Gi" : managed.storageSize();
        return new StatefulSetBuilder()
                .withNewMetadata().withName(name(platform)).withNamespace(platform.namespace())
                .withLabels(Labels.of(platform, COMPONENT)).endMetadata()
                .withNewSpec().withReplicas(1).withServiceName(name(platform))
                .withNewSelector().withMatchLabels(Labels.selector(platform, COMPONENT)).endSelector()
                // The StatefulSet never takes its claim with it: it is also deleted when the resource moves
                // to an external database, and that must not lose the data. The claim goes with the
                // platform instead (an owner reference the reconciler sets unless keepVolumes).
                .withNewPersistentVolumeClaimRetentionPolicy().withWhenDeleted("Retain")
                .withWhenScaled("Retain").endPersistentVolumeClaimRetentionPolicy()
                .withNewTemplate().withNewMetadata().withLabels(Labels.of(platform, COMPONENT)).endMetadata()
                .withNewSpec().withAutomountServiceAccountToken(false)
                .withSecurityContext(Hardening.pod(70L))
                .addNewContainer().withName(COMPONENT).withImage(image(platform))
                .addNewPort().withName("postgres").withContainerPort(PORT).endPort()
                .addNewEnv().withName("POSTGRES_DB").withValue(DATABASE).endEnv()
                .addNewEnv().withName("POSTGRES_USER").withValue(USER).endEnv()
                .addNewEnv().withName("POSTGRES_PASSWORD").withNewValueFrom().withNewSecretKeyRef()
                .withName(name(platform)).withKey("password").endSecretKeyRef().endValueFrom().endEnv()
                .addNewEnv().withName("PGDATA").withValue("/var/lib/postgresql/data/pgdata").endEnv()
                                // A port probe works with any PostgreSQL image (ours has no pg_isready); the migrations Job
                // waits for the server to accept a login itself.
                .withNewReadinessProbe().withNewTcpSocket().withPort(new IntOrString("postgres")).endTcpSocket()
                .withPeriodSeconds(5).endReadinessProbe()
                .withSecurityContext(Hardening.container())
                .withNewResources().addToRequests("cpu", new Quantity("250m")).addToRequests("memory", new Quantity("512Mi"))
                .addToLimits("memory", new Quantity("1Gi")).endResources()
                .addNewVolumeMount().withName("data").withMountPath("/var/lib/postgresql/data").endVolumeMount()
                .addNewVolumeMount().withName("run").withMountPath("/var/run/postgresql").endVolumeMount()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("run").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec().endTemplate()
                .addNewVolumeClaimTemplate().withNewMetadata().withName("data").withLabels(Labels.of(platform, COMPONENT))
                .endMetadata().withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName(managed.storageClass())
                .withNewResources().addToRequests("storage", new Quantity(size)).endResources().endSpec()
                .endVolumeClaimTemplate()
                .endSpec().build();
    }

    public static Service service(PlatformView platform) {
        return new ServiceBuilder()
                .withNewMetadata().withName(name(platform)).withNamespace(platform.namespace())
                .withLabels(Labels.of(platform, COMPONENT)).endMetadata()
                .withNewSpec().withSelector(Labels.selector(platform, COMPONENT))
                .addNewPort().withName("postgres").withPort(PORT).withTargetPort(new IntOrString("postgres")).endPort()
                .endSpec().build();
    }
}
