package com.roseash.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import com.roseash.blog.BlogService;
import com.roseash.cart.carts.CartRepository;
import com.roseash.cart.carts.Seller;
import com.roseash.contract.ServiceName;
import com.roseash.platform.auth.SessionStore;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.db.Database;
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
        HungService cart = new HungService();
        RunningService blogWithCartHung = blogWithCart(stack, cart.url());
        // Nothing listens there: connections are refused, a fragment's service down.
        RunningService blogWithCartDown = blogWithCart(stack, "http://127.0.0.1:" + unusedPort());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            blogWithCartDown.close();
            blogWithCartHung.close();
            cart.close();
            stack.close();
            hello.stop();
            stopped.countDown();
        }, "bench-stop"));

        RunningService blog = stack.service(ServiceName.BLOG);
        print("hello", "http://127.0.0.1:" + hello.port() + "/hello");
        print("blog", "http://127.0.0.1:" + blog.publicPort());
        print("metrics", "http://127.0.0.1:" + blog.adminPort() + "/observe/metrics");
        print("blog-cart-hung", "http://127.0.0.1:" + blogWithCartHung.publicPort());
        print("blog-cart-down", "http://127.0.0.1:" + blogWithCartDown.publicPort());
        RunningService market = stack.service(ServiceName.MARKET);
        print("market", "http://127.0.0.1:" + market.publicPort());
        print("market-metrics", "http://127.0.0.1:" + market.adminPort() + "/observe/metrics");
        print("cart-id", shoppersCart(stack));
        print("session", signedInSession(stack.redisUrl()));
        print("redis-pid", redisPid().map(String::valueOf).orElse("none"));
        print("ready", "");
        stopped.await();
    }

    /**
     * Another blog replica on the stack's database and Redis whose page chrome fetches {@code cart-mini} from
     * {@code cartUrl}: a cart that accepts connections and never answers (a fragment's service hung), or an
     * address nothing listens on (down).
     */
    private static RunningService blogWithCart(LocalStack stack, String cartUrl) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put(PlatformSettings.SERVER_HOST.key(), "127.0.0.1");
        overrides.put(PlatformSettings.PUBLIC_PORT.key(), "0");
        overrides.put(PlatformSettings.INTERNAL_PORT.key(), "0");
        overrides.put(PlatformSettings.ADMIN_PORT.key(), "0");
        overrides.put(PlatformSettings.DB_URL.key(), stack.database().url());
        overrides.put(PlatformSettings.DB_USER.key(), stack.database().user());
        overrides.put(PlatformSettings.DB_PASSWORD.key(), stack.database().password());
        overrides.put(PlatformSettings.REDIS_URL.key(), stack.redisUrl());
        overrides.put(PlatformSettings.SESSION_SECRET.key(), "bench-secret");
        overrides.put(PlatformSettings.internalUrl(ServiceName.CART).key(), cartUrl);
        overrides.put(PlatformSettings.internalUrl(ServiceName.FEDERATION).key(),
                "http://127.0.0.1:" + stack.service(ServiceName.FEDERATION).internalPort());
        return BlogService.start(overrides);
    }

    /** A port nothing listens on (a moment ago). */
    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server that accepts connections and never answers, like a process stopped with SIGSTOP. */
    private static final class HungService implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        HungService() {
            try {
                socket = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        accepted.add(socket.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() {
            try {
                socket.close();
                for (Socket each : accepted) {
                    each.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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

    /** A shopper's cart with two products in it, as adding them on the product page leaves it. */
    private static String shoppersCart(LocalStack stack) {
        try (Database database = Database.connect(stack.database())) {
            CartRepository carts = new CartRepository(database.client());
            String cart = CartRepository.newId();
            carts.add(cart, Seller.MARKET, "damson-jam", 1);
            carts.add(cart, Seller.MARKET, "cider-vinegar", 2);
            return cart;
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
