package com.roseash.operator.desired;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.roseash.contract.ServiceName;
import com.roseash.operator.resource.IngressSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;

/**
 * What reaches the services from outside: one Ingress with a host per service that routes only the
 * public socket, and a NetworkPolicy that opens the internal socket to the platform's own pods only.
 */
public final class Exposure {

    private Exposure() {
    }

    public static Ingress ingress(PlatformView platform) {
        IngressSpec spec = platform.spec().ingress() == null ? new IngressSpec(null, null, null) : platform.spec().ingress();
        List<IngressRule> rules = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String service : ServiceName.ids()) {
            if (platform.enabled(service)) {
                rules.add(rule(platform, platform.host(service), service));
                hosts.add(platform.host(service));
            }
        }
        for (ServiceName service : ServiceName.values()) {
            if (service.servesApex() && platform.enabled(service.id())) {
                rules.add(rule(platform, platform.domain(), service.id()));
                hosts.add(platform.domain());
            }
        }
        Map<String, String> annotations = new LinkedHashMap<>(spec.annotations() == null ? Map.of() : spec.annotations());
        IngressBuilder ingress = new IngressBuilder()
                .withNewMetadata().withName(platform.name()).withNamespace(platform.namespace())
                .withLabels(Labels.of(platform, "ingress")).endMetadata()
                .withNewSpec().withIngressClassName(spec.className()).withRules(rules).endSpec();
        if (spec.tls() != null) {
            String secret = spec.tls().secretName() != null ? spec.tls().secretName() : platform.child("tls");
            if (spec.tls().issuer() != null) {
                annotations.put("cert-manager.io/cluster-issuer", spec.tls().issuer());
            }
            ingress.editSpec().addNewTl().withHosts(hosts).withSecretName(secret).endTl().endSpec();
        }
        return ingress.editMetadata().withAnnotations(annotations).endMetadata().build();
    }

    private static IngressRule rule(PlatformView platform, String host, String service) {
        return new IngressRuleBuilder().withHost(host).withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
                .withNewBackend().withNewService().withName(platform.child(service))
                .withNewPort().withName("public").endPort().endService().endBackend().endPath().endHttp().build();
    }

    public static String networkPolicyName(PlatformView platform) {
        return platform.child("services");
    }

    public static NetworkPolicy networkPolicy(PlatformView platform) {
        return new NetworkPolicyBuilder()
                .withNewMetadata().withName(networkPolicyName(platform)).withNamespace(platform.namespace())
                .withLabels(Labels.of(platform, "network-policy")).endMetadata()
                .withNewSpec()
                .withNewPodSelector().addToMatchLabels(Labels.INSTANCE, platform.name())
                .addNewMatchExpression().withKey(Labels.COMPONENT).withOperator("In").withValues(ServiceName.ids())
                        .endMatchExpression()
                .endPodSelector()
                .withPolicyTypes("Ingress")
                .addNewIngress().addNewPort().withPort(new IntOrString("public")).withProtocol("TCP").endPort()
                .addNewPort().withPort(new IntOrString("admin")).withProtocol("TCP").endPort().endIngress()
                .addNewIngress().addNewFrom().withNewPodSelector().addToMatchLabels(Labels.INSTANCE, platform.name())
                .endPodSelector().endFrom()
                .addNewPort().withPort(new IntOrString("internal")).withProtocol("TCP").endPort().endIngress()
                .endSpec().build();
    }
}
