package com.roseash.operator.runtime;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.roseash.operator.render.Render;
import io.fabric8.kubernetes.client.Config;

/**
 * The operator image's entry point. {@code render FILE} prints the manifests a platform file produces;
 * with no argument it runs the operator in the cluster (configuration from the environment, see
 * OperatorOptions) until the pod is stopped.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("render")) {
            Render.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0) {
            System.err.println("usage: operator            run the operator\n"
                    + "       operator render FILE  print a platform's manifests (FILE - reads standard input)");
            System.exit(2);
        }
        Map<String, String> environment = System.getenv();
        LogFormat.parse(environment.getOrDefault("ROSE_ASH_OPERATOR_LOG_FORMAT", "text"))
                .install(LogFormat.level(environment.getOrDefault("ROSE_ASH_OPERATOR_LOG_LEVEL", "INFO")));
        RoseAshOperator operator = RoseAshOperator.start(Config.autoConfigure(null),
                OperatorOptions.fromEnvironment(environment));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            operator.close();
            stopped.countDown();
        }, "operator-stop"));
        stopped.await();
    }
}
