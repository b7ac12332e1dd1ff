package com.roseash.operator.desired;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;

/**
 * How every pod the operator makes runs (docs/platform.md, "Runtime contract"): as a non-root user with the runtime's
 * default seccomp profile, each container on a read-only root filesystem, without privilege
 * escalation or capabilities.
 */
final class Hardening {

    private Hardening() {
    }

    static PodSecurityContext pod(long user) {
        return new PodSecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(user).withFsGroup(user)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().build();
    }

    static SecurityContext container() {
        return new SecurityContextBuilder().withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities().build();
    }
}
