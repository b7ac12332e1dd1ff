package com.roseash.operator.desired;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/**
 * The Redis the operator runs when the resource does not name one: a single pod without persistence,
 * since Redis holds caches and sessions only (losing it signs people out, it loses no data).
 */
public final class ManagedRedis {

    public static final String COMPONENT = "redis";

    private ManagedRedis() {
    }

    public static String name(PlatformView platform) {
        return platform.child(COMPONENT);
    }

    public static Deployment deployment(PlatformView platform) {
        var managed = platform.spec().redis().managed();
        // The resource's own image, or the rose-ash/redis image of this release (images/).
        String image = managed != null && managed.image() != null ? managed.image() : platform.image(COMPONENT);
        return new DeploymentBuilder()
                .withNewMetadata().withName(name(platform)).withNamespace(platform.namespace())
                .withLabels(Labels.of(platform, COMPONENT)).endMetadata()
                .withNewSpec().withReplicas(1)
                .withNewSelector().withMatchLabels(Labels.selector(platform, COMPONENT)).endSelector()
                .withNewStrategy().withType("Recreate").endStrategy()
                .withNewTemplate().withNewMetadata().withLabels(Labels.of(platform, COMPONENT)).endMetadata()
                .withNewSpec().withAutomountServiceAccountToken(false)
                .withSecurityContext(Hardening.pod(999L))
                .addNewContainer().withName(COMPONENT).withImage(image)
                .withArgs("--protected-mode", "no", "--save", "", "--appendonly", "no")
                .addNewPort().withName("redis").withContainerPort(6379).endPort()
                .withNewReadinessProbe().withNewTcpSocket().withPort(new IntOrString("redis")).endTcpSocket()
                .withPeriodSeconds(5).endReadinessProbe()
                .withSecurityContext(Hardening.container())
                .withNewResources().addToRequests("cpu", new Quantity("50m")).addToRequests("memory", new Quantity("64Mi"))
                .addToLimits("memory", new Quantity("256Mi")).endResources()
                .addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("data").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec().endTemplate().endSpec().build();
    }

    public static Service service(PlatformView platform) {
        return new ServiceBuilder()
                .withNewMetadata().withName(name(platform)).withNamespace(platform.namespace())
                .withLabels(Labels.of(platform, COMPONENT)).endMetadata()
                .withNewSpec().withSelector(Labels.selector(platform, COMPONENT))
                .addNewPort().withName("redis").withPort(6379).withTargetPort(new IntOrString("redis")).endPort()
                .endSpec().build();
    }
}
