package com.roseash.platform.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.roseash.platform.cache.Announcements;
import com.roseash.platform.cache.RedisCache;

/**
 * Server-side sessions in Redis with an idle timeout (each use extends it) and an absolute timeout
 * (counted from creation, never extended). The browser holds only the random id.
 *
 * <p>A session read from Redis is kept in this process for {@link #KEPT_FOR}, so a signed-in visitor's
 * pages cost no round trip at steady state; its idle timeout is extended when it is read again. Ending a
 * session (sign-out here, back-channel logout) is announced to every process ({@link Announcements}), which
 * drops its copy at once; the short keep bounds what a process that could not hear still serves.
 */
public final class SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CREATED = "_created";
    /** The attribute naming federation's session, which back-channel logout refers to. */
    public static final String SID = "sid";

    /** How long a session read from Redis is used without asking Redis again (at most half its idle timeout). */
    public static final Duration KEPT_FOR = Duration.ofSeconds(5);
    /** Past this many kept sessions the copies start over empty: one miss each, no bookkeeping per hit. */
    private static final int MAX_KEPT = 10_000;

    private final RedisCache redis;
    private final String prefix;
    private final Duration idle;
    private final Duration absolute;
    private final Announcements ended;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final Duration keptFor;

    public SessionStore(RedisCache redis, String service, Duration idle, Duration absolute) {
        this(redis, service, idle, absolute, KEPT_FOR);
    }

    SessionStore(RedisCache redis, String service, Duration idle, Duration absolute, Duration keptFor) {
        this.keptFor = keptFor;
        this.redis = redis;
        this.prefix = "rose-ash:" + service + ":session:";
        this.idle = idle;
        this.absolute = absolute;
        this.ended = redis.endedSessions();
        ended.listen(key -> {
            if (key.equals(Announcements.EVERYTHING)) {
                kept.clear();
            } else if (key.startsWith(prefix)) {
                kept.remove(key.substring(prefix.length()));
            }
        });
    }

    /** Creates a session; empty when Redis is down (the caller then shows "try again later"). */
    public Optional<Session> create(Map<String, String> attributes) {
        String id = newId();
        Instant now = Instant.now();
        Map<String, String> stored = new HashMap<>(attributes);
        stored.put(CREATED, String.valueOf(now.toEpochMilli()));
        if (!redis.putHash(prefix + id, stored, idle)) {
            return Optional.empty();
        }
        String sid = attributes.get(SID);
        if (sid != null && !sid.isEmpty()) {
            redis.addToSet(prefix + "sid:" + sid, id, absolute);
        }
        Session session = new Session(id, Map.copyOf(attributes), now);
        keep(session);
        return Optional.of(session);
    }

    /** The live session with this id, its idle timeout extended; empty when unknown, expired or Redis is down. */
    public Optional<Session> find(String id) {
        if (id == null || id.length() != 43 || id.contains(":")) {
            return Optional.empty();
        }
        Kept copy = kept.get(id);
        if (copy != null && !copy.expired(System.nanoTime())) {
            if (Instant.now().isAfter(copy.session().createdAt().plus(absolute))) {
                delete(id);
                return Optional.empty();
            }
            return Optional.of(copy.session());
        }
        Optional<Session> session = read(id);
        if (session.isPresent()) {
            keep(session.get());
        } else {
            kept.remove(id);
        }
        return session;
    }

    private Optional<Session> read(String id) {
        // One round trip: the fields, and the idle timeout extended (cut shorter below near the absolute end).
        Map<String, String> stored = redis.getHashAndExpire(prefix + id, idle);
        if (stored.isEmpty() || !stored.containsKey(CREATED)) {
            return Optional.empty();
        }
        Instant created = Instant.ofEpochMilli(Long.parseLong(stored.get(CREATED)));
        Instant now = Instant.now();
        if (now.isAfter(created.plus(absolute))) {
            delete(id);
            return Optional.empty();
        }
        Duration remainingAbsolute = Duration.between(now, created.plus(absolute));
        if (remainingAbsolute.compareTo(idle) < 0) {
            redis.expire(prefix + id, remainingAbsolute);
        }
        Map<String, String> attributes = new HashMap<>(stored);
        attributes.remove(CREATED);
        return Optional.of(new Session(id, Map.copyOf(attributes), created));
    }

    /** Ends the session here and, announced, in every process that kept a copy. */
    public void delete(String id) {
        kept.remove(id);
        redis.delete(prefix + id);
        ended.announce(prefix + id);
    }

    /**
     * Ends every session created for federation's session {@code sid}: back-channel logout, so that
     * signing out anywhere signs out everywhere.
     */
    public int deleteBySid(String sid) {
        String index = prefix + "sid:" + sid;
        Set<String> ids = redis.members(index);
        ids.forEach(this::delete);
        redis.delete(index);
        return ids.size();
    }

    private void keep(Session session) {
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        // At most half the idle timeout Redis was just given: uses served from the copy do not extend it, so
        // the next read must reach Redis while the session is still there.
        Duration halfIdle = idle.dividedBy(2);
        Duration keep = keptFor.compareTo(halfIdle) < 0 ? keptFor : halfIdle;
        kept.put(session.id(), new Kept(session, System.nanoTime() + keep.toNanos()));
    }

    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record Kept(Session session, long expiresAtNanos) {
        boolean expired(long now) {
            return now - expiresAtNanos >= 0;
        }
    }
}
