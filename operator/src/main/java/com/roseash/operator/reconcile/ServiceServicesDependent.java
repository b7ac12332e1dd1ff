package com.roseash.operator.reconcile;

import java.util.List;

import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.desired.ServiceWorkloads;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Each enabled service's Service: the three sockets. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class ServiceServicesDependent extends PerServiceDependent<Service> {

    public ServiceServicesDependent() {
        super(Service.class);
    }

    @Override
    List<Service> desired(PlatformView platform) {
        return ServiceWorkloads.services(platform);
    }
}
