package com.roseash.platform.faults;

import java.time.Duration;

import io.helidon.faulttolerance.CircuitBreaker;

/**
 * One circuit breaker per dependency (Redis, each service a page fetches fragments from), Helidon's fault
 * tolerance: once half of the last {@link #VOLUME} calls failed, calls fail at once instead of waiting out
 * their timeout, so a hung dependency costs the pages nothing; after {@link #DELAY} one call tries again,
 * and a success closes the breaker, so recovery needs no one.
 */
public final class Breakers {

    /** Calls the error ratio is taken over: a few busy milliseconds' worth, so a hang is noticed at once. */
    public static final int VOLUME = 10;
    public static final int ERROR_PERCENT = 50;
    /** How long an open breaker refuses before it lets one call try. */
    public static final Duration DELAY = Duration.ofSeconds(1);

    private Breakers() {
    }

    public static CircuitBreaker forDependency(String name) {
        return CircuitBreaker.builder()
                .name(name)
                .volume(VOLUME)
                .errorRatio(ERROR_PERCENT)
                .delay(DELAY)
                .successThreshold(1)
                .build();
    }
}
