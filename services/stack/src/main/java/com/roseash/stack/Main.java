package com.roseash.stack;

import java.util.concurrent.CountDownLatch;

/** {@code bin/stack}: starts the local stack, prints its URLs, stops cleanly on Ctrl-C. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        StackOptions options = StackOptions.fromEnvironment(System.getenv());
        System.out.println("Starting Rose Ash (data in " + options.dataDirectory() + ") ...");
        LocalStack stack = LocalStack.start(options);
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
