package com.roseash.operator.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.roseash.contract.ServiceName;
import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.ManagedPostgres;
import com.roseash.operator.desired.ManagedRedis;
import com.roseash.operator.desired.Migrations;
import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.resource.PlatformStatus;
import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one RoseAshPlatform. JOSDK runs the workflow below (server-side apply, each child matched
 * against what the operator last applied; one informer per kind, shared by the dependents of that
 * kind, so a child deleted or edited by hand brings a reconcile at once). This class then reports the
 * status, reading the pods of a service that is not ready to say why. The Deployments depend on the
 * migrations Job being complete: while this version's Job runs or after it failed, the running
 * Deployments are left as they are.
 */
@Workflow(dependents = {
        @Dependent(name = "secrets", type = GeneratedSecretDependent.class),
        @Dependent(name = "config", type = ConfigMapDependent.class),
        @Dependent(name = "redis", type = RedisDeploymentDependent.class, reconcilePrecondition = ManagedRedisCondition.class,
                useEventSourceWithName = "deployments"),
        @Dependent(name = "redis-service", type = RedisServiceDependent.class,
                reconcilePrecondition = ManagedRedisCondition.class,
                useEventSourceWithName = "services"),
        @Dependent(name = "postgres-credentials", type = PostgresCredentialsDependent.class,
                reconcilePrecondition = ManagedDatabaseCondition.class, useEventSourceWithName = "secrets"),
        @Dependent(name = "postgres", type = PostgresStatefulSetDependent.class,
                reconcilePrecondition = ManagedDatabaseCondition.class),
        @Dependent(name = "postgres-service", type = PostgresServiceDependent.class,
                reconcilePrecondition = ManagedDatabaseCondition.class,
                useEventSourceWithName = "services"),
        @Dependent(name = "migrations", type = MigrationsJobDependent.class,
                readyPostcondition = MigrationsSucceededCondition.class,
                dependsOn = {"secrets", "config"}),
        @Dependent(name = "deployments", type = ServiceDeploymentsDependent.class, dependsOn = "migrations"),
        @Dependent(name = "services", type = ServiceServicesDependent.class),
        @Dependent(name = "disruption-budgets", type = DisruptionBudgetsDependent.class),
        @Dependent(name = "ingress", type = IngressDependent.class),
        @Dependent(name = "network-policy", type = NetworkPolicyDependent.class)
})
@ControllerConfiguration(name = PlatformReconciler.NAME)
public class PlatformReconciler implements Reconciler<RoseAshPlatform> {

    public static final String NAME = "rose-ash-platform";
    /**
     * What the reconciler touches itself, outside the workflow's dependents: the managed database's
     * claim (ClaimOwnership), and the pods of a service that is not ready (read for the status). Deleting
     * superseded Jobs needs nothing more than the migrations dependent's kind. RbacTest holds the Role
     * against these and the dependents.
     */
    public static final List<String> DIRECT_ACCESS = List.of("/persistentvolumeclaims [get, update]", "/pods [get, list]");
    /**
     * How soon a platform that is not ready is looked at again. A pod failing to pull its image or stuck in
     * a crash loop changes no Deployment (the operator watches no pods), so without this the status would
     * say why only at the next resync.
     */
    static final Duration NOT_READY_RECHECK = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(PlatformReconciler.class);

    private final Clock clock;
    private final ReconcileStatistics statistics;

    public PlatformReconciler(Clock clock, ReconcileStatistics statistics) {
        this.clock = clock;
        this.statistics = statistics;
    }

    @Override
    public UpdateControl<RoseAshPlatform> reconcile(RoseAshPlatform platform, Context<RoseAshPlatform> context) {
        statistics.reconciled();
        PlatformView view = PlatformView.of(platform);
        Observed observed = observe(view, context);
        if (observed.migrations().map(JobState::of).orElse(JobState.PENDING) == JobState.SUCCEEDED) {
            deleteSupersededMigrations(view, context);
        }
        ClaimOwnership.reconcile(platform, view, context.getClient());
        PlatformStatus status = StatusReport.of(view, platform.getMetadata().getGeneration(), observed, platform.getStatus(),
                clock.instant());
        UpdateControl<RoseAshPlatform> control = status.equals(platform.getStatus()) ? UpdateControl.noUpdate()
                : UpdateControl.patchStatus(statusPatch(platform, status));
        return isReady(status) ? control : control.rescheduleAfter(NOT_READY_RECHECK);
    }

    private static boolean isReady(PlatformStatus status) {
        return status.conditions().stream().anyMatch(c -> StatusReport.READY.equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /**
     * The status alone, applied server-side without a resourceVersion: the status describes what was
     * observed, and a spec change meanwhile brings another reconcile, so there is nothing to lose to a
     * concurrent write and no conflict to retry.
     */
    private static RoseAshPlatform statusPatch(RoseAshPlatform platform, PlatformStatus status) {
        RoseAshPlatform patch = new RoseAshPlatform();
        patch.getMetadata().setName(platform.getMetadata().getName());
        patch.getMetadata().setNamespace(platform.getMetadata().getNamespace());
        patch.setStatus(status);
        return patch;
    }

    /**
     * A reconcile that failed (the API server refused a child, say) sets Degraded with the error, keeping
     * the rest of the status; JOSDK retries with back-off.
     */
    @Override
    public ErrorStatusUpdateControl<RoseAshPlatform> updateErrorStatus(RoseAshPlatform platform, Context<RoseAshPlatform> context,
                                                                       Exception e) {
        statistics.failed();
        LOG.warn("Reconciling {}/{} failed: {}", platform.getMetadata().getNamespace(), platform.getMetadata().getName(),
                describe(e));
        PlatformStatus status = StatusReport.failed(platform.getStatus(), platform.getMetadata().getGeneration(), describe(e),
                clock.instant());
        return status.equals(platform.getStatus()) ? ErrorStatusUpdateControl.noStatusUpdate()
                : ErrorStatusUpdateControl.patchStatus(statusPatch(platform, status));
    }

    /** What went wrong, one line per failed dependent, without stack traces. */
    private static String describe(Exception e) {
        if (e instanceof AggregatedOperatorException aggregated) {
            return aggregated.getAggregatedExceptions().entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + firstLine(entry.getValue()))
                    .collect(Collectors.joining("; "));
        }
        return firstLine(e);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static Observed observe(PlatformView view, Context<RoseAshPlatform> context) {
        String jobName = Migrations.jobName(view);
        Optional<Job> job = context.getSecondaryResourcesAsStream(Job.class)
                .filter(j -> j.getMetadata().getName().equals(jobName)).findFirst();
        Map<String, Deployment> deployments = new TreeMap<>();
        context.getSecondaryResourcesAsStream(Deployment.class).forEach(d -> deployments.put(d.getMetadata().getName(), d));
        Map<String, Deployment> services = new TreeMap<>();
        for (String service : ServiceName.ids()) {
            Deployment deployment = deployments.get(view.child(service));
            if (deployment != null) {
                services.put(service, deployment);
            }
        }
        Optional<StatefulSet> postgres = context.getSecondaryResourcesAsStream(StatefulSet.class)
                .filter(s -> s.getMetadata().getName().equals(ManagedPostgres.name(view))).findFirst();
        return new Observed(job, services, Optional.ofNullable(deployments.get(ManagedRedis.name(view))), postgres,
                podsOfServicesNotRolledOut(view, services, context));
    }

    /**
     * The pods of each service whose Deployment has not rolled out, read from the API server (a list by
     * the Deployment's own selector): a ready platform costs no read, and the operator keeps no cache of
     * every pod.
     */
    private static Map<String, List<Pod>> podsOfServicesNotRolledOut(PlatformView view, Map<String, Deployment> services,
                                                                     Context<RoseAshPlatform> context) {
        Map<String, List<Pod>> pods = new TreeMap<>();
        for (String service : StatusReport.notRolledOut(view, services)) {
            pods.put(service, context.getClient().pods().inNamespace(view.namespace())
                    .withLabels(Labels.selector(view, service)).list().getItems());
        }
        return pods;
    }

    /** Once a version's migrations succeeded, the Jobs of earlier versions are history; delete them. */
    private static void deleteSupersededMigrations(PlatformView view, Context<RoseAshPlatform> context) {
        String current = Migrations.jobName(view);
        context.getSecondaryResourcesAsStream(Job.class)
                .filter(j -> view.name().equals(j.getMetadata().getLabels().get(Labels.INSTANCE))
                        && Migrations.COMPONENT.equals(j.getMetadata().getLabels().get(Labels.COMPONENT))
                        && !j.getMetadata().getName().equals(current)
                        && j.getMetadata().getDeletionTimestamp() == null)
                .forEach(j -> context.getClient().resource(j).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete());
    }
}
