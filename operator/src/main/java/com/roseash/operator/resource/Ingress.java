package com.roseash.operator.resource;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** The Ingress in front of the public sockets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ingress(
        @JsonPropertyDescription("IngressClass name; the cluster's default when unset.")
        String className,

        @JsonPropertyDescription("TLS by an existing Secret or by a cert-manager issuer; plain HTTP when unset.")
        Tls tls,

        @JsonPropertyDescription("Extra annotations for the Ingress.")
        Map<String, String> annotations) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @ValidationRule(value = "has(self.secretName) != has(self.issuer)", message = "give exactly one of secretName and issuer")
    public record Tls(
            @JsonPropertyDescription("A kubernetes.io/tls Secret covering every host.")
            String secretName,

            @JsonPropertyDescription("A cert-manager ClusterIssuer to obtain the certificate from.")
            String issuer) {
    }
}
