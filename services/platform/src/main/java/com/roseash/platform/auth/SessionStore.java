package com.roseash.platform.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.roseash.platform.cache.RedisCache;

/**
 * Server-side sessions in Redis with an idle timeout (each use extends it) and an absolute timeout
 * (counted from creation, never extended). The browser holds only the random id.
 */
public final class SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CREATED = "_created";
    /** The attribute naming federation's session, which back-channel logout refers to. */
    public static final String SID = "sid";

    private final RedisCache redis;
    private final String prefix;
    private final Duration idle;
    private final Duration absolute;

    public SessionStore(RedisCache redis, String service, Duration idle, Duration absolute) {
        this.redis = redis;
        this.prefix = "rose-ash:" + service + ":session:";
        this.idle = idle;
        this.absolute = absolute;
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
        return Optional.of(new Session(id, Map.copyOf(attributes), now));
    }

    /** The live session with this id, its idle timeout extended; empty when unknown, expired or Redis is down. */
    public Optional<Session> find(String id) {
        if (id == null || id.length() != 43 || id.contains(":")) {
            return Optional.empty();
        }
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

    public void delete(String id) {
        redis.delete(prefix + id);
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

    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
