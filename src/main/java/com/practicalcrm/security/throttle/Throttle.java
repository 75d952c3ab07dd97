package com.practicalcrm.security.throttle;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.security.throttle.repository.ThrottleRepository;

/** Failure counters shared by all app instances through the database; see {@link ThrottlePolicy}. */
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
        Optional<ThrottleState> state = repository.find(scope, subject);
        if (scope.perClientAddress()) {
            return state.flatMap(window -> ThrottlePolicy.addressBlockedUntil(window.failures(), window.at()))
                    .filter(until -> until.isAfter(now));
        }
        return state
                .filter(consecutive -> consecutive.at().isAfter(now.minus(ThrottlePolicy.RESET_AFTER)))
                .map(consecutive -> ThrottlePolicy.blockedUntil(consecutive.failures(), consecutive.at()))
                .filter(until -> until.isAfter(now));
    }

    @Transactional
    public void recordFailure(ThrottleScope scope, String subject) {
        Instant now = clock.instant();
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
