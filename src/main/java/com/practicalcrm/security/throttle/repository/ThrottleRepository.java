package com.practicalcrm.security.throttle.repository;

import static com.practicalcrm.common.DbTimestamps.fromDb;
import static com.practicalcrm.common.DbTimestamps.toDb;
import static com.practicalcrm.jooq.Tables.AUTH_THROTTLE;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import com.practicalcrm.security.throttle.ThrottleScope;
import com.practicalcrm.security.throttle.ThrottleState;

@Repository
public class ThrottleRepository {

    private final DSLContext dsl;

    public ThrottleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<ThrottleState> find(ThrottleScope scope, String subject) {
        return dsl.select(AUTH_THROTTLE.FAILURES, AUTH_THROTTLE.LAST_FAILURE_AT)
                .from(AUTH_THROTTLE)
                .where(AUTH_THROTTLE.SCOPE.eq(scope.name()).and(AUTH_THROTTLE.SUBJECT.eq(subject)))
                .fetchOptional(r -> new ThrottleState(r.value1(), fromDb(r.value2())));
    }

    /**
     * Counts one failure in a single statement, so concurrent failures on several app instances are all
     * counted. A count whose last failure is older than {@code restartBefore} starts again at one.
     */
    public void recordFailure(ThrottleScope scope, String subject, Instant now, Instant restartBefore) {
        dsl.insertInto(AUTH_THROTTLE)
                .set(AUTH_THROTTLE.SCOPE, scope.name())
                .set(AUTH_THROTTLE.SUBJECT, subject)
                .set(AUTH_THROTTLE.FAILURES, 1)
                .set(AUTH_THROTTLE.LAST_FAILURE_AT, toDb(now))
                .onDuplicateKeyUpdate()
                // Evaluated before LAST_FAILURE_AT is overwritten below: MariaDB assigns left to right.
                .set(AUTH_THROTTLE.FAILURES, DSL.when(AUTH_THROTTLE.LAST_FAILURE_AT.lt(toDb(restartBefore)), 1)
                        .otherwise(AUTH_THROTTLE.FAILURES.plus(1)))
                .set(AUTH_THROTTLE.LAST_FAILURE_AT, toDb(now))
                .execute();
    }

    /**
     * Counts one failure of a client address in its current window, in a single statement: the timestamp column then holds the
     * start of the window, which opens at the first failure and is replaced (count back to one) by the first
     * failure after {@code windowStartedBefore}.
     */
    public void recordFailureInWindow(ThrottleScope scope, String subject, Instant now, Instant windowStartedBefore) {
        var windowOver = AUTH_THROTTLE.LAST_FAILURE_AT.lt(toDb(windowStartedBefore));
        dsl.insertInto(AUTH_THROTTLE)
                .set(AUTH_THROTTLE.SCOPE, scope.name())
                .set(AUTH_THROTTLE.SUBJECT, subject)
                .set(AUTH_THROTTLE.FAILURES, 1)
                .set(AUTH_THROTTLE.LAST_FAILURE_AT, toDb(now))
                .onDuplicateKeyUpdate()
                // Both conditions read the old window start: MariaDB assigns left to right, the start last.
                .set(AUTH_THROTTLE.FAILURES, DSL.when(windowOver, 1).otherwise(AUTH_THROTTLE.FAILURES.plus(1)))
                .set(AUTH_THROTTLE.LAST_FAILURE_AT, DSL.when(windowOver, toDb(now))
                        .otherwise(AUTH_THROTTLE.LAST_FAILURE_AT))
                .execute();
    }

    public void clear(ThrottleScope scope, String subject) {
        dsl.deleteFrom(AUTH_THROTTLE)
                .where(AUTH_THROTTLE.SCOPE.eq(scope.name()).and(AUTH_THROTTLE.SUBJECT.eq(subject)))
                .execute();
    }
}
