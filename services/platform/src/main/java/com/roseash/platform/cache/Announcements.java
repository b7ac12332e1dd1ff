package com.roseash.platform.cache;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * Tells every process of the platform that a service's content changed, so each can drop its in-process
 * copies ({@link LocalCache}) at once: Redis pub/sub on one channel, the message being the service's id.
 *
 * <p>A process that cannot hear (Redis down, or reconnecting) may miss an announcement: when the
 * subscription comes back, listeners hear {@link #EVERYTHING}, and the copies' time to live bounds what
 * was missed before that. Announcing never fails the change that caused it.
 */
public final class ContentChanges implements AutoCloseable {

    public static final String CHANNEL = "rose-ash:content-changed";
    /** Heard after the subscription (re)connects: anything may have changed meanwhile. */
    public static final String EVERYTHING = "*";
    private static final System.Logger LOG = System.getLogger(ContentChanges.class.getName());
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final RedisCache cache;
    private final RedisClient client;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final Thread subscriber;
    private volatile StatefulRedisPubSubConnection<String, String> connection;
    private volatile boolean closed;

    ContentChanges(RedisCache cache, RedisClient client) {
        this.cache = cache;
        this.client = client;
        this.subscriber = Thread.ofVirtual().name("content-changes").start(this::subscribe);
    }

    /** Announces that {@code service}'s content changed: to this process at once, and to every other through Redis. */
    public void announce(String service) {
        notifyListeners(service);
        cache.publish(CHANNEL, service);
    }

    /** {@code listener} hears the id of each service whose content changed, or {@link #EVERYTHING}. */
    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    private void subscribe() {
        while (!closed) {
            try {
                StatefulRedisPubSubConnection<String, String> pubSub = client.connectPubSub();
                pubSub.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        notifyListeners(message);
                    }

                    @Override
                    public void subscribed(String channel, long count) {
                        // Also after Lettuce reconnects and subscribes again: whatever was announced meanwhile is lost.
                        notifyListeners(EVERYTHING);
                    }
                });
                pubSub.sync().subscribe(CHANNEL);
                connection = pubSub;
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "Not yet subscribed to content changes: " + e);
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void notifyListeners(String service) {
        for (Consumer<String> listener : listeners) {
            listener.accept(service);
        }
    }

    @Override
    public void close() {
        closed = true;
        subscriber.interrupt();
        StatefulRedisPubSubConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
    }
}
