package com.roseash.stack;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/stack}: starts the local stack, printing one line per part and then its URLs, and stops cleanly on
 * Ctrl-C. The full log goes to {@code <data>/logs/stack.log}; {@code --verbose} shows it on the terminal too.
 */
public final class Main {

    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")
                || !arguments.stream().allMatch(a -> a.equals("--verbose") || a.equals("-v"))) {
            System.out.println("Usage: bin/stack [--verbose]");
            System.out.println("  --verbose, -v  show the full log (Helidon, PostgreSQL, requests, ...) here too;");
            System.out.println("                 it is always written to <data>/logs/stack.log");
            System.exit(arguments.contains("--help") || arguments.contains("-h") ? 0 : 2);
        }
        boolean verbose = !arguments.isEmpty();
        StackOptions options = StackOptions.fromEnvironment(System.getenv());
        Path log = StackLog.install(options.dataDirectory(), verbose);
        System.out.println("Starting Rose Ash (data in " + options.dataDirectory() + ") ...");
        System.out.println("Full log: " + log + (verbose ? "" : " (or run bin/stack --verbose)"));
        LocalStack stack;
        try {
            stack = LocalStack.start(options, (part, detail) -> System.out.printf("  %-10s %s%n", part, detail));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Rose Ash did not start", e);
            System.err.println("Rose Ash did not start: " + e.getMessage());
            System.err.println("The full log, with the cause: " + log);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Rose Ash ...");
            stack.close();
            stopped.countDown();
        }, "rose-ash-stop"));

        System.out.println();
        System.out.println("Rose Ash is running:");
        stack.urls().forEach((name, url) -> System.out.printf("  %-10s %s%n", name, url));
        stack.adminPassword().ifPresent(password -> {
            System.out.println();
            System.out.println("First start: sign in as " + LocalStack.ADMIN_EMAIL + " with password " + password);
            System.out.println("(shown once; the account is kept with the data)");
        });
        System.out.println();
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }
}
