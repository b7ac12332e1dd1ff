package com.roseash.operator.resource;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The Ingress in front of the public sockets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.annotations) || self.annotations.all(key, key.matches("
        + "'^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$'))",
        message = "annotations: keys must be Kubernetes annotation names ([prefix/]name)")
public record IngressSpec(
        @JsonPropertyDescription("IngressClass name; the cluster's default when unset.")
        String className,

        @JsonPropertyDescription("TLS by an existing Secret or by a cert-manager issuer; plain HTTP when unset.")
        TlsSpec tls,

        @Size(max = 64)
        @JsonPropertyDescription("Extra annotations for the Ingress (at most 64).")
        Map<String, String> annotations) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @ValidationRule(value = "has(self.secretName) != has(self.issuer)", message = "give exactly one of secretName and issuer")
    public record TlsSpec(
            @JsonPropertyDescription("A kubernetes.io/tls Secret covering every host.")
            String secretName,

            @JsonPropertyDescription("A cert-manager ClusterIssuer to obtain the certificate from.")
            String issuer) {
    }
}
