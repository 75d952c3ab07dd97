package com.practicalcrm.security.throttle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One attempt at a throttled secret, already counted by {@link Throttle#attempt}. If it was refused, nothing
 * was counted and the secret must not be checked. Otherwise the caller checks the secret and then reports:
 * a failure needs nothing (the attempt stays counted), a success calls {@link #succeeded}, and an attempt that
 * compared nothing (e.g. the feature is off) calls {@link #release}.
 */
public final class ThrottleAttempt {

    record Reservation(Throttle.Key key, ThrottleState before, ThrottleState after) {
    }

    private final Throttle throttle;
    private final List<Reservation> reservations;
    private final Instant refusedUntil;

    private ThrottleAttempt(Throttle throttle, List<Reservation> reservations, Instant refusedUntil) {
        this.throttle = throttle;
        this.reservations = reservations;
        this.refusedUntil = refusedUntil;
    }

    static ThrottleAttempt granted(Throttle throttle, List<Reservation> reservations) {
        return new ThrottleAttempt(throttle, List.copyOf(reservations), null);
    }

    static ThrottleAttempt refused(Instant retryAt) {
        return new ThrottleAttempt(null, List.of(), retryAt);
    }

    /** When every counter allows another attempt, if this one was refused (and nothing was counted). */
    public Optional<Instant> refusedUntil() {
        return Optional.ofNullable(refusedUntil);
    }

    /** The secret was right: the counters of the given scopes start afresh, the others get this attempt back. */
    public void succeeded(ThrottleScope... clearing) {
        Set<ThrottleScope> cleared = Set.of(clearing);
        for (Reservation reservation : reservations) {
            if (cleared.contains(reservation.key().scope())) {
                throttle.clear(reservation.key());
            } else {
                throttle.release(reservation);
            }
        }
    }

    /** Nothing was compared (a malformed input, a feature that is off): every counter gets this attempt back. */
    public void release() {
        reservations.forEach(throttle::release);
    }
}
