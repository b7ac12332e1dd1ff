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
 * Tells every process of the platform something at once over one Redis pub/sub channel, so each can drop
 * in-process copies ({@link LocalCache}, kept sessions) that became stale: {@link #CONTENT_CHANGED} (the
 * message being the id of the service whose content changed) and {@link #SESSIONS_ENDED} (the message being
 * the ended session's key).
 *
 * <p>A process that cannot hear (Redis down, or reconnecting) may miss an announcement: when the
 * subscription comes back, listeners hear {@link #EVERYTHING}, and the copies' time to live bounds what
 * was missed before that. Announcing never fails the change that caused it.
 */
public final class Announcements implements AutoCloseable {

    public static final String CONTENT_CHANGED = "rose-ash:content-changed";
    public static final String SESSIONS_ENDED = "rose-ash:sessions-ended";
    /** Heard after the subscription (re)connects: anything may have changed meanwhile. */
    public static final String EVERYTHING = "*";
    private static final System.Logger LOG = System.getLogger(Announcements.class.getName());
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final RedisCache cache;
    private final RedisClient client;
    private final String channel;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final Thread subscriber;
    private volatile StatefulRedisPubSubConnection<String, String> connection;
    private volatile boolean closed;

    Announcements(RedisCache cache, RedisClient client, String channel) {
        this.cache = cache;
        this.client = client;
        this.channel = channel;
        this.subscriber = Thread.ofVirtual().name(channel).start(this::subscribe);
    }

    /** Announces {@code message}: to this process at once, and to every other through Redis. */
    public void announce(String message) {
        notifyListeners(message);
        cache.publish(channel, message);
    }

    /** {@code listener} hears each message announced on this channel, or {@link #EVERYTHING}. */
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
                pubSub.sync().subscribe(channel);
                connection = pubSub;
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "Not yet subscribed to " + channel + ": " + e);
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void notifyListeners(String message) {
        for (Consumer<String> listener : listeners) {
            listener.accept(message);
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
