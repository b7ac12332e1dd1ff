package com.roseash.stack.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import com.roseash.contract.ServiceName;
import com.roseash.platform.auth.SessionStore;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.server.RunningService;
import com.roseash.stack.LocalStack;
import com.roseash.stack.StackOptions;
import io.helidon.webserver.WebServer;

/**
 * What {@code bin/bench} loads with {@code wrk} (docs/benchmarks.md): a plain Helidon "hello" server, the
 * baseline, and the local stack as {@code bin/stack} runs it (embedded PostgreSQL and Redis, every service,
 * the demo content), both in this JVM so they share its flags. Prints one {@code bench <name> <value>} line
 * per thing the script needs, then {@code bench ready}, and runs until SIGTERM.
 *
 * <p>The script loads the blog's own public port, not the gateway: the gateway is a development proxy
 * in Java, and loading through it would measure the proxy as much as the blog.
 *
 * <p>Argument: the directory for PostgreSQL's data (the script passes a fresh temporary one).
 */
public final class PageBenchmark {

    private PageBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        WebServer hello = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> routing.get("/hello", (req, res) -> res.send("Hello World!")))
                .build().start();
        LocalStack stack = LocalStack.start(new StackOptions(0, Path.of(args[0]), Optional.empty(), Optional.empty(), true));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            hello.stop();
            stopped.countDown();
        }, "bench-stop"));

        RunningService blog = stack.service(ServiceName.BLOG);
        print("hello", "http://127.0.0.1:" + hello.port() + "/hello");
        print("blog", "http://127.0.0.1:" + blog.publicPort());
        print("metrics", "http://127.0.0.1:" + blog.adminPort() + "/observe/metrics");
        print("session", signedInSession(stack.redisUrl()));
        print("redis-pid", redisPid().map(String::valueOf).orElse("none"));
        print("ready", "");
        stopped.await();
    }

    /**
     * A reader's blog session, stored as the sign-in callback stores one (as {@code RoutedClient.signedIn} does
     * in tests): signing in through federation's form for each run would load the benchmark with a password hash.
     */
    private static String signedInSession(String redisUrl) {
        try (RedisCache redis = new RedisCache(new RedisSettings(redisUrl, Duration.ofSeconds(2)))) {
            SessionStore sessions = new SessionStore(redis, ServiceName.BLOG.id(), Duration.ofMinutes(30), Duration.ofHours(12));
            return sessions.create(Map.of("sub", "bench-reader", "name", "Bench Reader", "email", "reader@bench.localhost",
                    "roles", "", "sid", "bench-" + System.nanoTime())).orElseThrow().id();
        }
    }

    /** The Redis server the stack started (a child of this JVM), for the script to pause with SIGSTOP. */
    private static Optional<Long> redisPid() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().command().map(command -> command.contains("redis")).orElse(false))
                .map(ProcessHandle::pid)
                .findFirst();
    }

    private static void print(String name, String value) {
        System.out.println(("bench " + name + " " + value).strip());
        System.out.flush();
    }
}
