package com.practicalcrm.security.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The two throttling rules of docs/security-rules.md ("Throttling"; ASVS 6.3.1, NIST SP 800-63B: no more than 100
 * consecutive failures), figures also in the README ("Security figures").
 *
 * <p><b>Per account</b> (and per other subject that is one person's): the first 5 failures are free, then a
 * wait of 30 s doubling with every further failure, capped at 15 minutes; never a permanent lock. A day without
 * failures starts the count afresh.
 *
 * <p><b>Per client address</b>, much looser, because a whole office shares one NAT address and a few
 * colleagues' typos must not stop everyone: 100 failures within 15 minutes (counted from the first failure of
 * the window), then the address waits until those 15 minutes are over; the next failure opens a new window.
 */
public final class ThrottlePolicy {

    public static final int FREE_ATTEMPTS = 5;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    public static final Duration RESET_AFTER = Duration.ofHours(24);

    /** Failures one client address may have within {@link #ADDRESS_WINDOW} before it has to wait. */
    public static final int ADDRESS_MAX_FAILURES = 100;
    public static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);

    private ThrottlePolicy() {
    }

    /** Per-account rule: the wait imposed after the given number of consecutive failures. */
    public static Duration delayAfter(int failures) {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS, 10);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** Per-account rule. */
    public static Instant blockedUntil(int failures, Instant lastFailureAt) {
        return lastFailureAt.plus(delayAfter(failures));
    }

    /** Per-address rule: the end of the window once it holds 100 failures, otherwise no wait. */
    public static Optional<Instant> addressBlockedUntil(int failuresInWindow, Instant windowStartedAt) {
        return failuresInWindow >= ADDRESS_MAX_FAILURES
                ? Optional.of(windowStartedAt.plus(ADDRESS_WINDOW)) : Optional.empty();
    }
}
