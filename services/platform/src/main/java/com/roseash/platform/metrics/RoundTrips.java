package com.roseash.platform.metrics;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;

/**
 * The network round trips a service makes, counted always and served with the other metrics on the admin
 * socket ({@code /observe/metrics}): PostgreSQL statements, Redis commands and outgoing HTTP calls.
 * {@code bin/bench} reads them before and after each scenario and reports them per request, because the
 * round trips behind a page, not the CPU, are what a page's speed mostly depends on (docs/benchmarks.md).
 *
 * <p>A counter increment costs nanoseconds, so there is no switch. The counters are process-wide: in the
 * local stack every service runs in one JVM, so a page's count includes what the services it calls did
 * to answer.
 */
public final class RoundTrips {

    /** In Prometheus text: {@code rose_ash_db_statements_total}. */
    public static final String DB_STATEMENTS = "rose_ash_db_statements";
    /** In Prometheus text: {@code rose_ash_redis_commands_total}. */
    public static final String REDIS_COMMANDS = "rose_ash_redis_commands";
    /** In Prometheus text: {@code rose_ash_http_calls_total}. */
    public static final String HTTP_CALLS = "rose_ash_http_calls";

    private static final Counter DB = counter(DB_STATEMENTS,
            "PostgreSQL statements executed through the DB Client (transaction BEGIN/COMMIT not included)");
    private static final Counter REDIS = counter(REDIS_COMMANDS, "Redis commands sent (a Lua script is one command)");
    private static final Counter HTTP = counter(HTTP_CALLS, "HTTP requests sent to other services");

    private RoundTrips() {
    }

    public static void dbStatement() {
        DB.increment();
    }

    public static void redisCommand() {
        REDIS.increment();
    }

    public static void httpCall() {
        HTTP.increment();
    }

    /** The counts so far, for tests: {@code [db, redis, http]}. */
    public static long[] counts() {
        return new long[] {DB.count(), REDIS.count(), HTTP.count()};
    }

    private static Counter counter(String name, String description) {
        return Metrics.globalRegistry().getOrCreate(Counter.builder(name).description(description));
    }
}
