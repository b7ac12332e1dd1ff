package com.roseash.operator.runtime;

import java.util.Arrays;
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
            System.err.println("usage: operator            run the operator\n       operator render FILE  print a platform's manifests");
            System.exit(2);
        }
        RoseAshOperator operator = RoseAshOperator.start(Config.autoConfigure(null), OperatorOptions.fromEnvironment(System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            operator.close();
            stopped.countDown();
        }, "operator-stop"));
        stopped.await();
    }
}
