package com.roseash.operator.resource;

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
public class RoseAshPlatform extends CustomResource<PlatformSpec, PlatformStatus> implements Namespaced {
}
