package com.practicalcrm.security.throttle;

import java.time.Duration;
import java.time.Instant;

/**
 * security.md: after 5 failures an increasing delay, 30 s doubling, capped at 15 minutes; never a permanent
 * lock. A day without failures starts the count afresh.
 */
public final class ThrottlePolicy {

    public static final int FREE_ATTEMPTS = 5;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    public static final Duration RESET_AFTER = Duration.ofHours(24);

    private ThrottlePolicy() {
    }

    /** The wait imposed after the given number of consecutive failures. */
    public static Duration delayAfter(int failures) {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS, 10);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    public static Instant blockedUntil(int failures, Instant lastFailureAt) {
        return lastFailureAt.plus(delayAfter(failures));
    }
}
