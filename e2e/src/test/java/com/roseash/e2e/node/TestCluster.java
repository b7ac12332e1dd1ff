package com.roseash.e2e.node;

import java.nio.file.Path;
import java.util.List;

/**
 * A Kubernetes cluster the platform scenario runs on: the real node of e2e/node/node.sh, or K3s in a
 * container where a Docker engine exists. kubectl and helm are the project's own builds.
 */
interface TestCluster extends AutoCloseable {

    /** Imports OCI archives into the cluster's container runtime, naming each image by tag and digest. */
    void load(List<Path> archives);

    /** kubectl and helm with the cluster's kubeconfig. */
    Tools tools();

    default String kubectl(String... arguments) {
        return tools().kubectl(null, arguments);
    }

    default String kubectlWithInput(String input, String... arguments) {
        return tools().kubectl(input, arguments);
    }

    default String helm(String... arguments) {
        return tools().helm(arguments);
    }

    /** The address the platform's host names resolve to: the ingress controller's, on ports 80 and 443. */
    String ingressAddress();

    /** The IngressClass of the cluster's ingress controller. */
    String ingressClass();

    /** A StorageClass whose claims bind, for the managed database (making a volume first where nothing provisions one). */
    String storageClassFor(String claimSize);

    @Override
    void close();
}
