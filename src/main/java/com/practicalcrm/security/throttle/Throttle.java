package com.practicalcrm.security.throttle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.security.throttle.repository.ThrottleRepository;

/**
 * Failure counters shared by all app instances through the database; see {@link ThrottlePolicy}.
 *
 * <p>A guarded secret (password, code) is checked through {@link #attempt}: the attempt is counted
 * <em>before</em> the secret is checked, so parallel requests cannot all be checked before any is counted. The
 * caller then reports the outcome on the returned {@link ThrottleAttempt}: a failure stays counted, a success
 * clears or gives back the count.
 */
@Service
public class Throttle {

    private final ThrottleRepository repository;
    private final Clock clock;

    public Throttle(ThrottleRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** When the subject may try again, if it must wait now. */
    @Transactional(readOnly = true)
    public Optional<Instant> blockedUntil(ThrottleScope scope, String subject) {
        Instant now = clock.instant();
        return repository.find(scope, subject).flatMap(state -> retryAt(scope, state, now));
    }

    private static Optional<Instant> retryAt(ThrottleScope scope, ThrottleState state, Instant now) {
        if (scope.perClientAddress()) {
            return ThrottlePolicy.addressBlockedUntil(state.failures(), state.at()).filter(until -> until.isAfter(now));
        }
        return Optional.of(state)
                .filter(consecutive -> consecutive.at().isAfter(now.minus(ThrottlePolicy.RESET_AFTER)))
                .map(consecutive -> ThrottlePolicy.blockedUntil(consecutive.failures(), consecutive.at()))
                .filter(until -> until.isAfter(now));
    }

    /** One counter: a scope and its subject (an account's email, a user id, a client address). */
    public record Key(ThrottleScope scope, String subject) {
        public Key {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** The counter of {@code subject} in {@code scope}; null when there is no subject (e.g. no client address). */
    public static Key key(ThrottleScope scope, String subject) {
        return subject == null ? null : new Key(scope, subject);
    }

    /**
     * Counts one attempt in every counter (null keys are skipped), in the given order, before anything is
     * checked. Each counter is counted only if it allows another attempt right now; if one refuses, the counts
     * already taken by this call are given back and the attempt is refused with the latest time at which all
     * of them allow it again. Each counter is locked and counted by the database, so of any number of parallel
     * attempts no more are let through than the rule allows.
     */
    @Transactional
    public ThrottleAttempt attempt(Key... keys) {
        Instant started = clock.instant();
        List<Key> all = Arrays.stream(keys).filter(Objects::nonNull).toList();
        List<ThrottleAttempt.Reservation> granted = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Key key = all.get(i);
            ThrottleState before = repository.lock(key.scope(), key.subject(), started);
            // Read after the lock, and never before the last count: an attempt that waited for the lock must not
            // see the attempt counted just before it as lying in its future.
            Instant now = latest(clock.instant(), before.at());
            Optional<Instant> refusedUntil = retryAt(key.scope(), before, now);
            if (refusedUntil.isPresent()) {
                granted.forEach(this::release);
                Instant retryAt = Stream.concat(refusedUntil.stream(), all.subList(i + 1, all.size()).stream()
                                .flatMap(later -> blockedUntil(later.scope(), later.subject()).stream()))
                        .max(Instant::compareTo).orElseThrow();
                return ThrottleAttempt.refused(retryAt);
            }
            count(key.scope(), key.subject(), now);
            ThrottleState after = repository.find(key.scope(), key.subject()).orElseThrow();
            granted.add(new ThrottleAttempt.Reservation(key, before, after));
        }
        return ThrottleAttempt.granted(this, granted);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    void release(ThrottleAttempt.Reservation reservation) {
        repository.release(reservation.key().scope(), reservation.key().subject(), reservation.before(),
                reservation.after());
    }

    void clear(Key key) {
        repository.clear(key.scope(), key.subject());
    }

    /** Counts one failure after the fact; a check guarded by a throttle uses {@link #attempt} instead. */
    @Transactional
    public void recordFailure(ThrottleScope scope, String subject) {
        count(scope, subject, clock.instant());
    }

    private void count(ThrottleScope scope, String subject, Instant now) {
        if (scope.perClientAddress()) {
            repository.recordFailureInWindow(scope, subject, now, now.minus(ThrottlePolicy.ADDRESS_WINDOW));
        } else {
            repository.recordFailure(scope, subject, now, now.minus(ThrottlePolicy.RESET_AFTER));
        }
    }

    @Transactional
    public void clear(ThrottleScope scope, String subject) {
        repository.clear(scope, subject);
    }
}
