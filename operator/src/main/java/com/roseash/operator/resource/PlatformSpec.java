package com.roseash.operator.resource;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.roseash.contract.ServiceName;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** What the cluster admin asks for. Defaults and rules live in the schema, so the API server refuses bad input. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.services) || self.services.all(name, name in " + ServiceName.CEL_LIST + ")",
        message = "services: keys must be service names: " + ServiceName.NAMES)
public record PlatformSpec(
        @Required
        @PrinterColumn(name = "Domain")
        @Pattern("^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$")
        @JsonPropertyDescription("DNS domain; service s is served at https://s.<domain>/.")
        String domain,

        @JsonPropertyDescription("Where images come from, and per-service overrides.")
        ImagesSpec images,

        @JsonPropertyDescription("Per service (" + ServiceName.NAMES + "): enabled, replicas, resources.")
        Map<String, PlatformServiceSpec> services,

        @Required
        @JsonPropertyDescription("PostgreSQL: external (a Secret) or managed by the operator; exactly one.")
        DatabaseSpec database,

        @Required
        @JsonPropertyDescription("Redis: external (a Secret) or managed by the operator; exactly one.")
        RedisSpec redis,

        @JsonPropertyDescription("How the public sockets are exposed.")
        IngressSpec ingress,

        @JsonPropertyDescription("The cart's payment provider; checkout is refused, saying so, when unset.")
        PaymentsSpec payments,

        @JsonPropertyDescription("The SMTP server the platform's mail goes through; no mail is sent when unset.")
        MailSpec mail,

        @Default("false")
        @JsonPropertyDescription("Keep PersistentVolumeClaims when the platform is deleted.")
        Boolean keepVolumes) {
}
