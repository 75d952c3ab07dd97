package com.practicalcrm.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The limits' arithmetic and settings; the HTTP and browser tests show them at work. */
class SessionLimitsTest {

    private static final Instant SIGN_IN = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void idleTimeCountsFromTheLastActivityAndTheLifetimeFromSignIn() {
        Map<String, Object> session = Map.of(SessionLimits.SIGNED_IN_AT_ATTRIBUTE, SIGN_IN,
                SessionLimits.LAST_ACTIVITY_ATTRIBUTE, SIGN_IN.plus(Duration.ofHours(11)));

        assertThat(at(SIGN_IN.plus(Duration.ofHours(11).plusMinutes(29))).reached(session::get)).isEmpty();
        assertThat(at(SIGN_IN.plus(Duration.ofHours(11).plusMinutes(30))).reached(session::get))
                .contains(SessionEndReason.IDLE);
        SessionLimits.TimeLeft left = at(SIGN_IN.plus(Duration.ofHours(11).plusMinutes(50)))
                .timeLeft(session::get, true);
        assertThat(left.idle()).isEqualTo(Duration.ofMinutes(30));
        assertThat(left.lifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(left.first()).isEqualTo(SessionEndReason.LIFETIME);
        assertThat(at(SIGN_IN.plus(Duration.ofHours(12))).reached(
                Map.<String, Object>of(SessionLimits.SIGNED_IN_AT_ATTRIBUTE, SIGN_IN,
                        SessionLimits.LAST_ACTIVITY_ATTRIBUTE, SIGN_IN.plus(Duration.ofHours(12)))::get))
                .contains(SessionEndReason.LIFETIME);
    }

    @Test
    void settingsReadLikeBootsOwnAndBadOnesAreRefusedWithTheProperty() {
        SessionLimits limits = new SessionLimits(Clock.systemUTC(), "1800", "12h", "1m");
        assertThat(limits.idle()).isEqualTo(Duration.ofMinutes(30));
        assertThat(limits.lifetime()).isEqualTo(Duration.ofHours(12));

        assertThatThrownBy(() -> new SessionLimits(Clock.systemUTC(), "half an hour", "12h", "1m"))
                .hasMessage("server.servlet.session.timeout must be a duration such as 30m, 12h or 1800 (seconds), "
                        + "but is 'half an hour'");
        assertThatThrownBy(() -> new SessionLimits(Clock.systemUTC(), "30m", "0s", "1m"))
                .hasMessageContaining("practicalcrm.sessions.absolute-timeout must be a positive duration");
        assertThatThrownBy(() -> new SessionLimits(Clock.systemUTC(), "1m", "12h", "1m"))
                .hasMessage("practicalcrm.sessions.idle-warning (1 minute) must be shorter than "
                        + "server.servlet.session.timeout (1 minute)");
    }

    @Test
    void durationsAreDescribedInTheirLargestWholeUnit() {
        assertThat(SessionLimits.describe(Duration.ofMinutes(30))).isEqualTo("30 minutes");
        assertThat(SessionLimits.describe(Duration.ofHours(12))).isEqualTo("12 hours");
        assertThat(SessionLimits.describe(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(SessionLimits.describe(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(SessionLimits.describe(Duration.ofSeconds(12))).isEqualTo("12 seconds");
    }

    @Test
    void onlyVaadinsHeartbeatIsToldApartByTheQueryString() {
        assertThat(SessionValidationFilter.isHeartbeat("v-r=heartbeat&v-uiId=0")).isTrue();
        assertThat(SessionValidationFilter.isHeartbeat("v-uiId=3&v-r=heartbeat")).isTrue();
        assertThat(SessionValidationFilter.isHeartbeat("v-r=uidl&v-uiId=0")).isFalse();
        assertThat(SessionValidationFilter.isHeartbeat("x=v-r=heartbeat")).isFalse();
        assertThat(SessionValidationFilter.isHeartbeat(null)).isFalse();
    }

    private static SessionLimits at(Instant now) {
        return new SessionLimits(Clock.fixed(now, ZoneOffset.UTC), "30m", "12h", "1m");
    }
}
