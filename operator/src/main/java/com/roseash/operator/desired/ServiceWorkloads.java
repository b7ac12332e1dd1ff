package com.roseash.operator.desired;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.roseash.contract.RuntimeKeys;
import com.roseash.contract.SecretSetting;
import com.roseash.contract.ServiceName;
import com.roseash.contract.Sockets;
import com.roseash.operator.resource.MailSpec;
import com.roseash.operator.resource.PaymentsSpec;
import com.roseash.operator.resource.SecretReferenceSpec;
import com.roseash.operator.resource.SumUpSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

/**
 * Each service's Deployment, Service and (with more than one replica) PodDisruptionBudget, built on the
 * runtime contract: three named ports, probes on the admin socket, a non-root container with a
 * read-only root filesystem, resource requests, and its configuration from environment variables.
 */
public final class ServiceWorkloads {

    private static final ResourceRequirements DEFAULT_RESOURCES = new ResourceRequirementsBuilder()
            .addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("256Mi"))
            .addToLimits("memory", new Quantity("512Mi")).build();

    static final long PRE_STOP_SECONDS = 5;

    /** On each pod template: the digest of the ConfigMap it was started with (see Configuration.digest). */
    public static final String CONFIG_DIGEST = "rose-ash.com/config-digest";

    private ServiceWorkloads() {
    }

    /** The Deployment of each enabled service. */
    public static List<Deployment> deployments(PlatformView platform) {
        return enabled(platform).stream().map(service -> deployment(platform, service, platform.image(service))).toList();
    }

    public static List<Service> services(PlatformView platform) {
        return enabled(platform).stream().map(service -> service(platform, service)).toList();
    }

    /** A PodDisruptionBudget for each enabled service with more than one replica. */
    public static List<PodDisruptionBudget> disruptionBudgets(PlatformView platform) {
        return enabled(platform).stream().filter(service -> platform.services().get(service).replicas() > 1)
                .map(service -> disruptionBudget(platform, service)).toList();
    }

    private static List<String> enabled(PlatformView platform) {
        return ServiceName.ids().stream().filter(platform::enabled).toList();
    }

    public static Deployment deployment(PlatformView platform, String service, String image) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(platform.child(service)).withNamespace(platform.namespace())
                .withLabels(Labels.of(platform, service)).endMetadata()
                .withNewSpec()
                .withReplicas(platform.services().get(service).replicas())
                .withNewSelector().withMatchLabels(Labels.selector(platform, service)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(Labels.of(platform, service))
                .addToAnnotations(CONFIG_DIGEST, Configuration.digest(platform)).endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withSecurityContext(Hardening.pod(10001L))
                .withContainers(container(platform, service, image))
                .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec().endTemplate().endSpec().build();
    }

    private static Container container(PlatformView platform, String service, String image) {
        ResourceRequirements resources = platform.services().get(service).resources();
        return new ContainerBuilder()
                .withName(service)
                .withImage(image)
                .addNewPort().withName("public").withContainerPort(Sockets.PUBLIC_PORT).endPort()
                .addNewPort().withName("internal").withContainerPort(Sockets.INTERNAL_PORT).endPort()
                .addNewPort().withName("admin").withContainerPort(Sockets.ADMIN_PORT).endPort()
                .addNewEnvFrom().withNewConfigMapRef().withName(Configuration.name(platform)).endConfigMapRef().endEnvFrom()
                .withEnv(environment(platform, service))
                .withNewLivenessProbe().withNewHttpGet().withPath(Sockets.LIVENESS_PATH).withPort(new IntOrString("admin"))
                .endHttpGet().withPeriodSeconds(10).withFailureThreshold(3).endLivenessProbe()
                .withNewReadinessProbe().withNewHttpGet().withPath(Sockets.READINESS_PATH).withPort(new IntOrString("admin"))
                .endHttpGet().withPeriodSeconds(5).withFailureThreshold(2).endReadinessProbe()
                .withSecurityContext(Hardening.container())
                // A pod being replaced keeps serving while the ingress and kube-proxy learn it is going: the
                // endpoint is withdrawn at once, the process stops only after this pause.
                .withNewLifecycle().withNewPreStop().withNewSleep().withSeconds(PRE_STOP_SECONDS).endSleep().endPreStop()
                .endLifecycle()
                .withResources(resources == null ? DEFAULT_RESOURCES : resources)
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .build();
    }

    /**
     * A service's own configuration, beside the ConfigMap every service shares: the secret settings, each
     * by reference to a Secret (the database, Redis when external, the secrets the contract says the service
     * reads from the generated Secret: federation holds every running client's OAuth secret and the signing
     * key, a client holds its own; the SMTP credentials), and the cart's SumUp account.
     */
    static List<EnvVar> environment(PlatformView platform, String service) {
        List<EnvVar> env = new ArrayList<>(databaseEnvironment(platform));
        SecretReferenceSpec redis = platform.spec().redis().external();
        if (redis != null) {
            env.add(secret(RuntimeKeys.REDIS_URL, redis.name(), orDefault(redis.urlKey(), "url")));
        }
        Set<ServiceName> enabled = EnumSet.noneOf(ServiceName.class);
        for (ServiceName each : ServiceName.values()) {
            if (platform.enabled(each.id())) {
                enabled.add(each);
            }
        }
        for (SecretSetting setting : ServiceName.fromId(service).secrets(enabled)) {
            env.add(new EnvVarBuilder().withName(setting.environmentVariable()).withNewValueFrom().withNewSecretKeyRef()
                    .withName(GeneratedSecrets.name(platform)).withKey(setting.secretKey())
                    .withOptional(setting.optional() ? true : null).endSecretKeyRef().endValueFrom().build());
        }
        env.addAll(paymentsEnvironment(platform, ServiceName.fromId(service)));
        env.addAll(mailEnvironment(platform));
        return env;
    }

    /**
     * SumUp, for the cart alone (no other service takes payments, so no other pod gets the key): the API key
     * by reference to the resource's Secret, never copied; the merchant code and the API's URL as values.
     * Nothing without {@code spec.payments.sumup}: the cart then refuses checkout and says payments are not
     * set up. A missing Secret or key leaves the cart's pods unstarted, reported as {@code ConfigError}.
     */
    static List<EnvVar> paymentsEnvironment(PlatformView platform, ServiceName service) {
        PaymentsSpec payments = platform.spec().payments();
        if (service != ServiceName.CART || payments == null || payments.sumup() == null) {
            return List.of();
        }
        SumUpSpec sumup = payments.sumup();
        return List.of(secret(RuntimeKeys.SUMUP_API_KEY, sumup.apiKeySecret().name(), orDefault(sumup.apiKeySecret().key(),
                        "api-key")),
                value(RuntimeKeys.SUMUP_MERCHANT_CODE, sumup.merchantCode()),
                value(RuntimeKeys.SUMUP_API_URL, orDefault(sumup.apiUrl(), SumUpSpec.DEFAULT_API_URL)));
    }

    /**
     * The SMTP user and password, by reference to the resource's Secret, on every service: any may send mail
     * (the cart's confirmations now, the account's later). The rest of the mail settings is in the ConfigMap.
     */
    static List<EnvVar> mailEnvironment(PlatformView platform) {
        MailSpec mail = platform.spec().mail();
        if (mail == null || mail.credentialsSecret() == null) {
            return List.of();
        }
        MailSpec.CredentialsSpec credentials = mail.credentialsSecret();
        return List.of(secret(RuntimeKeys.MAIL_USERNAME, credentials.name(), orDefault(credentials.userKey(), "user")),
                secret(RuntimeKeys.MAIL_PASSWORD, credentials.name(), orDefault(credentials.passwordKey(), "password")));
    }

    static List<EnvVar> databaseEnvironment(PlatformView platform) {
        SecretReferenceSpec external = platform.spec().database().external();
        if (external != null) {
            return List.of(secret(RuntimeKeys.DB_URL, external.name(), orDefault(external.urlKey(), "url")),
                    secret(RuntimeKeys.DB_USER, external.name(), orDefault(external.userKey(), "user")),
                    secret(RuntimeKeys.DB_PASSWORD, external.name(), orDefault(external.passwordKey(), "password")));
        }
        String managed = ManagedPostgres.name(platform);
        return List.of(secret(RuntimeKeys.DB_URL, managed, "url"), secret(RuntimeKeys.DB_USER, managed, "user"),
                secret(RuntimeKeys.DB_PASSWORD, managed, "password"));
    }

    public static Service service(PlatformView platform, String service) {
        return new ServiceBuilder()
                .withNewMetadata().withName(platform.child(service)).withNamespace(platform.namespace())
                .withLabels(Labels.of(platform, service)).endMetadata()
                .withNewSpec().withSelector(Labels.selector(platform, service))
                .addNewPort().withName("public").withPort(Sockets.PUBLIC_PORT).withTargetPort(new IntOrString("public")).endPort()
                .addNewPort().withName("internal").withPort(Sockets.INTERNAL_PORT).withTargetPort(new IntOrString("internal"))
                        .endPort()
                .addNewPort().withName("admin").withPort(Sockets.ADMIN_PORT).withTargetPort(new IntOrString("admin")).endPort()
                .endSpec().build();
    }

    public static PodDisruptionBudget disruptionBudget(PlatformView platform, String service) {
        return new PodDisruptionBudgetBuilder()
                .withNewMetadata().withName(platform.child(service)).withNamespace(platform.namespace())
                .withLabels(Labels.of(platform, service)).endMetadata()
                .withNewSpec().withMinAvailable(new IntOrString(1))
                .withNewSelector().withMatchLabels(Labels.selector(platform, service)).endSelector().endSpec().build();
    }

    /** The setting {@code settingKey}, from key {@code key} of Secret {@code secret}. */
    private static EnvVar secret(String settingKey, String secret, String key) {
        return new EnvVarBuilder().withName(RuntimeKeys.environmentVariable(settingKey)).withNewValueFrom().withNewSecretKeyRef()
                .withName(secret).withKey(key)
                .endSecretKeyRef().endValueFrom().build();
    }

    /** The setting {@code settingKey}, written out: for values that are not secret. */
    private static EnvVar value(String settingKey, String value) {
        return new EnvVarBuilder().withName(RuntimeKeys.environmentVariable(settingKey)).withValue(value).build();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
