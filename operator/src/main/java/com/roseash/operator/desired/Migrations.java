package com.roseash.operator.desired;

import com.roseash.contract.ServiceName;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;

/**
 * The migrations Job of one version of the platform. Its name carries a digest of the migrate image,
 * every service image and the database it migrates, so each version gets its own Job, run once; the services roll to a version
 * only after its Job succeeded (the reconciler's workflow), and a failed Job stays for the admin to read.
 */
public final class Migrations {

    public static final String COMPONENT = "migrate";
    public static final String IMAGE = "migrate";

    private Migrations() {
    }

    public static String jobName(PlatformView platform) {
        StringBuilder version = new StringBuilder(platform.image(IMAGE));
        // A move to another database is a new version too: its schema must be migrated before the
        // services are pointed at it.
        for (var env : ServiceWorkloads.databaseEnvironment(platform)) {
            var ref = env.getValueFrom().getSecretKeyRef();
            version.append('\n').append(env.getName()).append('=').append(ref.getName()).append('/').append(ref.getKey());
        }
        for (String service : ServiceName.ids()) {
            if (platform.enabled(service)) {
                version.append('\n').append(service).append('=').append(platform.image(service));
            }
        }
        return platform.child(COMPONENT) + "-" + Configuration.sha256(version.toString()).substring(0, 10);
    }

    public static Job job(PlatformView platform) {
        return new JobBuilder()
                .withNewMetadata().withName(jobName(platform)).withNamespace(platform.namespace())
                .withLabels(Labels.of(platform, COMPONENT)).endMetadata()
                .withNewSpec()
                // One retry covers a pod lost with its node; a migration that fails twice is a bug to read.
                .withBackoffLimit(1)
                .withActiveDeadlineSeconds(1800L)
                .withNewTemplate().withNewMetadata().withLabels(Labels.of(platform, COMPONENT)).endMetadata()
                .withNewSpec().withRestartPolicy("Never").withAutomountServiceAccountToken(false)
                .withSecurityContext(Hardening.pod(10001L))
                .addNewContainer().withName(COMPONENT).withImage(platform.image(IMAGE))
                // The migrator waits for the database to accept a login (a managed one may still be starting on
                // a first install) rather than spend the Job's one retry on it.
                .withEnv(ServiceWorkloads.databaseEnvironment(platform))
                .withSecurityContext(Hardening.container())
                .withNewResources().addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("256Mi"))
                .addToLimits("memory", new Quantity("512Mi")).endResources()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec().endTemplate().endSpec().build();
    }
}
