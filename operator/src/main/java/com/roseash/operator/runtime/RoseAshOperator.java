package com.roseash.operator.runtime;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

import com.roseash.operator.reconcile.PlatformReconciler;
import com.roseash.operator.reconcile.ReconcileStatistics;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operator process: its Kubernetes client (with the write counter), the JOSDK operator running
 * the platform reconciler, optionally behind leader election, and the admin endpoint. Main starts
 * one from the environment; the tests start one in-process against the test control plane.
 */
public final class RoseAshOperator implements AutoCloseable {

    private final Operator operator;
    private final AdminServer admin;
    private final ApiWriteCounter writes;
    private final ReconcileStatistics statistics;
    private final AtomicBoolean leader;
    private final AtomicBoolean stopping;
    private static final Logger LOG = LoggerFactory.getLogger(RoseAshOperator.class);

    private RoseAshOperator(Operator operator, AdminServer admin, ApiWriteCounter writes,
                            ReconcileStatistics statistics, AtomicBoolean leader, AtomicBoolean stopping) {
        this.operator = operator;
        this.admin = admin;
        this.writes = writes;
        this.statistics = statistics;
        this.leader = leader;
        this.stopping = stopping;
    }

    public static RoseAshOperator start(Config config, OperatorOptions options) {
        ApiWriteCounter writes = new ApiWriteCounter();
        // At TRACE, Fabric8 logs every request and response, bodies and headers unfiltered: the generated
        // Secrets, and a bearer token when the client uses one. That is its HttpLogging interceptor; none here.
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config)
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("rose-ash-write-counter", writes)
                        .addOrReplaceInterceptor("HttpLogging", null))
                .build();
        AtomicBoolean leader = new AtomicBoolean(!options.leaderElection());
        AtomicBoolean stopping = new AtomicBoolean();
        Operator operator = new Operator(overrider -> {
            overrider.withKubernetesClient(client).withCloseClientOnStop(true);
            if (options.leaderElection()) {
                overrider.withLeaderElectionConfiguration(LeaderElectionConfigurationBuilder
                        .aLeaderElectionConfiguration(options.leaseName())
                        .withLeaseNamespace(options.leaseNamespace()).withIdentity(options.identity())
                        // JOSDK's own exit would also fire on a clean stop, from within the shutdown hook.
                        .withExitOnStopLeading(false)
                        .withLeaderCallbacks(new LeaderCallbacks(() -> leader.set(true), () -> {
                            leader.set(false);
                            if (options.exitWhenLeadershipLost() && !stopping.get()) {
                                LOG.error("Lost the leader lease {}; exiting so that only the new leader reconciles",
                                        options.leaseName());
                                System.exit(1);
                            }
                        }, name -> LOG.info("Leader is now {}", name)))
                        .build());
            }
        });
        ReconcileStatistics statistics = new ReconcileStatistics();
        operator.register(new PlatformReconciler(Clock.systemUTC(), statistics), controller -> {
            controller.withReconciliationMaxInterval(options.resyncInterval());
            if (!options.namespaces().isEmpty()) {
                controller.settingNamespaces(options.namespaces());
            }
        });
        operator.start();
        AdminServer admin = new AdminServer(options.adminHost(), options.adminPort(),
                () -> operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy(),
                () -> metrics(statistics, writes, leader));
        return new RoseAshOperator(operator, admin, writes, statistics, leader, stopping);
    }

    private static String metrics(ReconcileStatistics statistics, ApiWriteCounter writes, AtomicBoolean leader) {
        return "# HELP rose_ash_operator_reconciles_total Reconciles run.\n# TYPE rose_ash_operator_reconciles_total counter\n"
                + "rose_ash_operator_reconciles_total " + statistics.reconciles() + "\n"
                + "# HELP rose_ash_operator_reconcile_failures_total Reconciles that failed.\n"
                + "# TYPE rose_ash_operator_reconcile_failures_total counter\n"
                + "rose_ash_operator_reconcile_failures_total " + statistics.failures() + "\n"
                + "# HELP rose_ash_operator_api_writes_total Write requests sent to the API server (lease renewals apart).\n"
                + "# TYPE rose_ash_operator_api_writes_total counter\n"
                + "rose_ash_operator_api_writes_total " + writes.writes() + "\n"
                + "# HELP rose_ash_operator_leader 1 while this process holds the leader lease.\n"
                + "# TYPE rose_ash_operator_leader gauge\n"
                + "rose_ash_operator_leader " + (leader.get() ? 1 : 0) + "\n";
    }

    public long writes() {
        return writes.writes();
    }

    public ReconcileStatistics statistics() {
        return statistics;
    }

    public boolean isLeader() {
        return leader.get();
    }

    public URI adminUri() {
        return URI.create("http://127.0.0.1:" + admin.port() + "/");
    }

    @Override
    public void close() {
        stopping.set(true);
        admin.close();
        operator.stop();
    }
}
