package com.roseash.operator.resource;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One Rose Ash platform: the six services, their database, Redis and ingress. The Java model is the
 * source of truth; crds/ holds the YAML the Fabric8 CRD generator writes from it.
 */
@Group("rose-ash.com")
@Version("v1alpha1")
@Kind("RoseAshPlatform")
@ShortNames("rap")
// Children are named <name>-<part>; the longest (the migrations Job, the PostgreSQL pods' revision
// label) must stay within Kubernetes' 63-character limit.
@ValidationRule(value = "self.metadata.name.size() <= 40", message = "metadata.name: at most 40 characters")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Services", jsonPath = ".status.readyServices", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
        type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class RoseAshPlatform extends CustomResource<PlatformSpec, PlatformStatus> implements Namespaced {
}
