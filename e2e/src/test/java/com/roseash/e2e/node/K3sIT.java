package com.roseash.e2e.node;

import java.nio.file.Path;

/**
 * The platform scenario on K3s through Testcontainers, for machines with a Docker engine: the same
 * steps, with K3s's Traefik as the ingress controller. Run with the k3s Maven profile.
 */
class K3sIT extends PlatformScenario {

    @Override
    protected TestCluster startCluster(Path repository, Path work) {
        return K3sCluster.start(repository, work);
    }
}
