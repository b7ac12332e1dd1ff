package com.roseash.e2e.node;

import java.nio.file.Path;

/**
 * The platform scenario on the real single-node Kubernetes of e2e/node/node.sh: kubelet, containerd and
 * runc running this build's images as real pods, kube-proxy, CoreDNS and HAProxy Ingress, all inside
 * namespaces the script makes and removes (its teardown checks that nothing is left).
 */
class NodeIT extends PlatformScenario {

    @Override
    protected TestCluster startCluster(Path repository, Path work) {
        return RealNode.start(repository);
    }
}
