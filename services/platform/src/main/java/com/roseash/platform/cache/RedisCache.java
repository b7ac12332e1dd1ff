package com.roseash.platform.cache;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import com.roseash.platform.faults.Breakers;
import com.roseash.platform.metrics.RoundTrips;
import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.faulttolerance.CircuitBreakerOpenException;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;

/**
 * A string cache in Redis that never fails a request. Redis holds only what can be rebuilt, so every
 * error (down, slow, refused) reads as a miss, is counted, and flips the readiness detail to
 * "uncached"; the page is rendered from the database instead.
 */
public final class RedisCache implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisCache.class.getName());
    /** After a failed connect, requests do not wait on another connect attempt for this long. */
    private static final Duration RECONNECT_BACKOFF = Duration.ofSeconds(2);

    private final RedisClient client;
    private final Counter errors;
    private final AtomicBoolean available = new AtomicBoolean(true);
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile Instant nextConnectAttempt = Instant.EPOCH;
    private volatile String lastError = "";
    private Announcements changes;
    private Announcements endedSessions;
    /** A hung Redis (connections open, no answers) would cost every request its timeout without it. */
    private final CircuitBreaker breaker = Breakers.forDependency("redis");

    public RedisCache(RedisSettings settings) {
        RedisURI uri = RedisURI.create(settings.url());
        uri.setTimeout(settings.timeout());
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                // Fail fast while disconnected instead of queueing behind a dead server.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true)
                .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(settings.timeout()).build())
                .build());
        // Counted as Lettuce dispatches each command, so scans, scripts and pings all count.
        client.addListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                RoundTrips.redisCommand();
            }
        });
        this.errors = Metrics.globalRegistry().getOrCreate(Counter.builder("rose_ash_cache_errors")
                .description("Redis operations that failed and were served uncached"));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(run(commands -> commands.get(key)));
    }

    public void put(String key, String value, Duration ttl) {
        run(commands -> commands.set(key, value, SetArgs.Builder.px(ttl.toMillis())));
    }

    /** Stores a hash with a time to live; false when Redis did not take it. */
    public boolean putHash(String key, Map<String, String> fields, Duration ttl) {
        // One script, so a session never exists without its expiry.
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(ttl.toMillis()));
        fields.forEach((name, value) -> {
            args.add(name);
            args.add(value);
        });
        Long stored = run(commands -> commands.eval("""
                redis.call('DEL', KEYS[1])
                redis.call('HSET', KEYS[1], unpack(ARGV, 2))
                return redis.call('PEXPIRE', KEYS[1], ARGV[1])""",
                ScriptOutputType.INTEGER, new String[] {key}, args.toArray(String[]::new)));
        return stored != null && stored == 1L;
    }

    /** The hash's fields; empty when it does not exist or Redis is down. */
    public Map<String, String> getHash(String key) {
        Map<String, String> fields = run(commands -> commands.hgetall(key));
        return fields == null ? Map.of() : fields;
    }

    /** A hash's fields, its time to live reset to {@code ttl} in the same round trip; empty when absent or unreachable. */
    public Map<String, String> getHashAndExpire(String key, Duration ttl) {
        List<Object> flat = run(commands -> commands.eval("""
                local fields = redis.call('HGETALL', KEYS[1])
                if #fields > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
                return fields
                """, ScriptOutputType.MULTI, new String[] {key}, String.valueOf(ttl.toMillis())));
        Map<String, String> fields = new HashMap<>();
        if (flat != null) {
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
            }
        }
        return fields;
    }

    public void expire(String key, Duration ttl) {
        run(commands -> commands.pexpire(key, ttl.toMillis()));
    }

    public void delete(String key) {
        run(commands -> commands.del(key));
    }

    /**
     * Counts an event in a fixed window: the count including this one, or empty when Redis is down.
     * Used for rate limits.
     */
    public OptionalLong increment(String key, Duration window) {
        // One script, so a counter never outlives its window.
        Long count = run(commands -> commands.eval("""
                local n = redis.call('INCR', KEYS[1])
                if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
                return n""", ScriptOutputType.INTEGER, new String[] {key}, String.valueOf(window.toMillis())));
        return count == null ? OptionalLong.empty() : OptionalLong.of(count);
    }

    /** Adds a member to a set and (re)sets the set's time to live. */
    public void addToSet(String key, String member, Duration ttl) {
        run(commands -> commands.eval("""
                redis.call('SADD', KEYS[1], ARGV[2])
                return redis.call('PEXPIRE', KEYS[1], ARGV[1])""",
                ScriptOutputType.INTEGER, new String[] {key}, String.valueOf(ttl.toMillis()), member));
    }

    /** The set's members; empty when it does not exist or Redis is down. */
    public Set<String> members(String key) {
        Set<String> members = run(commands -> commands.smembers(key));
        return members == null ? Set.of() : members;
    }

    /** Removes every key starting with {@code prefix}; used when content changes. */
    public void deleteByPrefix(String prefix) {
        run(commands -> {
            ScanCursor cursor = ScanCursor.INITIAL;
            ScanArgs args = ScanArgs.Builder.matches(prefix + "*").limit(500);
            do {
                KeyScanCursor<String> page = commands.scan(cursor, args);
                List<String> keys = new ArrayList<>(page.getKeys());
                if (!keys.isEmpty()) {
                    commands.unlink(keys.toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
            return null;
        });
    }

    /** Publishes {@code message} on a pub/sub channel; lost, like every write here, when Redis is unavailable. */
    public void publish(String channel, String message) {
        run(commands -> commands.publish(channel, message));
    }

    /** Announcements of content changes over this cache's Redis: one subscription per cache, closed with it. */
    public synchronized Announcements contentChanges() {
        if (changes == null) {
            changes = new Announcements(this, client, Announcements.CONTENT_CHANGED);
        }
        return changes;
    }

    /** Announcements of ended sessions (signed out anywhere) over this cache's Redis, closed with it. */
    public synchronized Announcements endedSessions() {
        if (endedSessions == null) {
            endedSessions = new Announcements(this, client, Announcements.SESSIONS_ENDED);
        }
        return endedSessions;
    }

    /** False after the last operation failed, until one succeeds again. */
    public boolean isAvailable() {
        return available.get();
    }

    /** Readiness stays UP without Redis (pages render uncached); the details say so. */
    public HealthCheck readinessCheck() {
        return new HealthCheck() {
            @Override
            public HealthCheckType type() {
                return HealthCheckType.READINESS;
            }

            @Override
            public String name() {
                return "redis";
            }

            @Override
            public HealthCheckResponse call() {
                boolean open = breaker.state() == CircuitBreaker.State.OPEN;
                boolean up = !open && ping();
                HealthCheckResponse.Builder response = HealthCheckResponse.builder()
                        .status(HealthCheckResponse.Status.UP)
                        .detail("redis", up ? "up" : open ? "unreachable (circuit open)" : "unreachable")
                        .detail("mode", up ? "cached" : "degraded: rendering uncached, sessions unavailable");
                if (!up && !lastError.isEmpty()) {
                    response.detail("error", lastError);
                }
                return response.build();
            }
        };
    }

    private boolean ping() {
        return "PONG".equals(run(RedisCommands::ping));
    }

    private <T> T run(Function<RedisCommands<String, String>, T> operation) {
        StatefulRedisConnection<String, String> current = connection();
        if (current == null) {
            return null;
        }
        if (breaker.state() == CircuitBreaker.State.OPEN) {
            // The breaker would refuse with an exception, whose stack trace costs more than the page itself
            // while Redis is hung and every signed-in request asks for its session; answer "miss" directly.
            errors.increment();
            return null;
        }
        try {
            T result = breaker.invoke(() -> operation.apply(current.sync()));
            markAvailable();
            return result;
        } catch (CircuitBreakerOpenException open) {
            // Refused without asking Redis: a miss, like any other Redis failure, but not a new one to log.
            errors.increment();
            return null;
        } catch (RuntimeException e) {
            markUnavailable(e);
            return null;
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (connection != null) {
                return connection;
            }
            if (Instant.now().isBefore(nextConnectAttempt)) {
                return null;
            }
            try {
                connection = client.connect();
                return connection;
            } catch (RuntimeException e) {
                nextConnectAttempt = Instant.now().plus(RECONNECT_BACKOFF);
                markUnavailable(e);
                return null;
            }
        }
    }

    private void markAvailable() {
        if (available.compareAndSet(false, true)) {
            LOG.log(Level.INFO, "Redis is reachable again; caching resumed");
            lastError = "";
        }
    }

    private void markUnavailable(RuntimeException e) {
        errors.increment();
        lastError = e.getClass().getSimpleName();
        if (available.compareAndSet(true, false)) {
            LOG.log(Level.WARNING, "Redis unavailable, rendering uncached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (changes != null) {
                changes.close();
            }
            if (endedSessions != null) {
                endedSessions.close();
            }
        }
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
