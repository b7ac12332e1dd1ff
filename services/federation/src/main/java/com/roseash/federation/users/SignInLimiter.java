package com.roseash.federation.users;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

import com.roseash.platform.cache.RedisCache;

/**
 * Counts wrong passwords per account and per client address in fixed windows (Redis counters shared by
 * every replica). Past the limit, sign-in is refused before the password is even checked, so guessing
 * stops paying. Without Redis the limiter cannot count and refuses sign-in rather than allow unlimited
 * guessing.
 */
public final class SignInLimiter {

    private final RedisCache redis;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    public SignInLimiter(RedisCache redis, int perAccount, int perAddress, Duration window) {
        this.redis = redis;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    public enum Verdict { ALLOWED, TOO_MANY_FOR_ACCOUNT, TOO_MANY_FROM_ADDRESS, UNAVAILABLE }

    /** Whether this attempt may be checked at all. */
    public Verdict check(String email, String address) {
        OptionalLong account = current(accountKey(email));
        OptionalLong from = current(addressKey(address));
        if (account.isEmpty() || from.isEmpty()) {
            return Verdict.UNAVAILABLE;
        }
        if (account.getAsLong() >= perAccount) {
            return Verdict.TOO_MANY_FOR_ACCOUNT;
        }
        if (from.getAsLong() >= perAddress) {
            return Verdict.TOO_MANY_FROM_ADDRESS;
        }
        return Verdict.ALLOWED;
    }

    public void recordFailure(String email, String address) {
        redis.increment(accountKey(email), window);
        redis.increment(addressKey(address), window);
    }

    private OptionalLong current(String key) {
        var value = redis.get(key);
        // The cache reads a failure as a miss; its availability after the read tells the two apart.
        if (!redis.isAvailable()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(value.map(Long::parseLong).orElse(0L));
    }

    private static String accountKey(String email) {
        return "rose-ash:federation:sign-in:account:" + email.toLowerCase(Locale.ROOT).strip();
    }

    private static String addressKey(String address) {
        return "rose-ash:federation:sign-in:address:" + address;
    }
}
