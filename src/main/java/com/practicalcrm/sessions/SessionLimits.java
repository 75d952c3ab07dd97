package com.practicalcrm.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * How long a signed-in session may last: it ends after {@link #idle()} without user activity (Vaadin's heartbeat
 * and the session checks of the main layout do not count) and, whatever the activity, {@link #lifetime()} after
 * sign-in. {@link SessionValidationFilter} enforces both on every request; the main layout warns
 * {@link #warning()} before the end.
 */
@Component
public class SessionLimits {

    /** HTTP session attribute: when the session was signed in ({@link Instant}). */
    static final String SIGNED_IN_AT_ATTRIBUTE = SessionLimits.class.getName() + ".signedInAt";
    /** HTTP session attribute: the last request that was user activity ({@link Instant}). */
    static final String LAST_ACTIVITY_ATTRIBUTE = SessionLimits.class.getName() + ".lastActivity";

    private final Clock clock;
    private final Duration configuredIdle;
    private final Duration configuredLifetime;
    private final Duration configuredWarning;
    private volatile Duration idle;
    private volatile Duration lifetime;
    private volatile Duration warning;

    SessionLimits(Clock clock,
                  @Value("${server.servlet.session.timeout:30m}") String idle,
                  @Value("${practicalcrm.sessions.absolute-timeout:12h}") String lifetime,
                  @Value("${practicalcrm.sessions.idle-warning:1m}") String warning) {
        this.clock = clock;
        // A bare number means seconds, as Boot reads server.servlet.session.timeout for the servlet container.
        this.configuredIdle = parse("server.servlet.session.timeout", idle);
        this.configuredLifetime = parse("practicalcrm.sessions.absolute-timeout", lifetime);
        this.configuredWarning = parse("practicalcrm.sessions.idle-warning", warning);
        restore();
    }

    private static Duration parse(String property, String value) {
        try {
            return DurationStyle.detectAndParse(value.trim(), ChronoUnit.SECONDS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " must be a duration such as 30m, 12h or 1800 (seconds), "
                    + "but is '" + value + "'");
        }
    }

    /** Ends a session after this long without user activity ({@code server.servlet.session.timeout}). */
    public Duration idle() {
        return idle;
    }

    /** Ends any session this long after sign-in ({@code practicalcrm.sessions.absolute-timeout}). */
    public Duration lifetime() {
        return lifetime;
    }

    /** The notice comes this long before the end ({@code practicalcrm.sessions.idle-warning}). */
    public Duration warning() {
        return warning;
    }

    /**
     * Time left to a session, read from its attributes ({@code HttpSession::getAttribute} or Vaadin's
     * {@code WrappedSession::getAttribute}).
     *
     * @param activityNow true when the current request is user activity (it restarts the idle time)
     */
    public TimeLeft timeLeft(Function<String, Object> sessionAttributes, boolean activityNow) {
        Instant now = clock.instant();
        Instant signedInAt = instant(sessionAttributes.apply(SIGNED_IN_AT_ATTRIBUTE), now);
        Instant lastActivity = activityNow ? now : instant(sessionAttributes.apply(LAST_ACTIVITY_ATTRIBUTE), now);
        return new TimeLeft(Duration.between(now, lastActivity.plus(idle)),
                Duration.between(now, signedInAt.plus(lifetime)));
    }

    /** Which limit, if any, a session with these attributes has reached. */
    Optional<SessionEndReason> reached(Function<String, Object> sessionAttributes) {
        TimeLeft left = timeLeft(sessionAttributes, false);
        if (!left.lifetime().isPositive()) {
            return Optional.of(SessionEndReason.LIFETIME);
        }
        if (!left.idle().isPositive()) {
            return Optional.of(SessionEndReason.IDLE);
        }
        return Optional.empty();
    }

    /** "30 minutes", "12 hours", "1 minute", "10 seconds": the largest whole unit, for messages. */
    public static String describe(Duration duration) {
        if (duration.toSeconds() % 3600 == 0) {
            return plural(duration.toHours(), "hour");
        }
        if (duration.toSeconds() % 60 == 0) {
            return plural(duration.toMinutes(), "minute");
        }
        return plural(duration.toSeconds(), "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    Instant now() {
        return clock.instant();
    }

    /** For tests: other limits until {@link #restore()}. */
    void set(Duration idle, Duration lifetime, Duration warning) {
        requirePositive("server.servlet.session.timeout", idle);
        requirePositive("practicalcrm.sessions.absolute-timeout", lifetime);
        requirePositive("practicalcrm.sessions.idle-warning", warning);
        if (warning.compareTo(idle) >= 0) {
            throw new IllegalArgumentException("practicalcrm.sessions.idle-warning (" + describe(warning)
                    + ") must be shorter than server.servlet.session.timeout (" + describe(idle) + ")");
        }
        this.idle = idle;
        this.lifetime = lifetime;
        this.warning = warning;
    }

    void restore() {
        set(configuredIdle, configuredLifetime, configuredWarning);
    }

    private static void requirePositive(String property, Duration value) {
        if (value == null || !value.isPositive()) {
            throw new IllegalArgumentException(property + " must be a positive duration such as 30m, but is "
                    + (value == null ? "missing" : describe(value)));
        }
    }

    private static Instant instant(Object attribute, Instant fallback) {
        return attribute instanceof Instant instant ? instant : fallback;
    }

    /**
     * Time left before each limit ends the session; zero or negative when reached.
     *
     * @param idle     until the idle timeout, counted from the last user activity
     * @param lifetime until the absolute lifetime, counted from sign-in
     */
    public record TimeLeft(Duration idle, Duration lifetime) {

        /** The limit that comes first. */
        public SessionEndReason first() {
            return lifetime.compareTo(idle) <= 0 ? SessionEndReason.LIFETIME : SessionEndReason.IDLE;
        }

        public Duration soonest() {
            return lifetime.compareTo(idle) <= 0 ? lifetime : idle;
        }
    }
}
