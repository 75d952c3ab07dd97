package com.practicalcrm.security.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    @Test
    void theFirstFourFailuresCostNothing() {
        for (int failures = 0; failures < 5; failures++) {
            assertThat(ThrottlePolicy.delayAfter(failures)).isZero();
        }
    }

    @Test
    void fromTheFifthFailureTheDelayStartsAt30SecondsAndDoubles() {
        assertThat(ThrottlePolicy.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ThrottlePolicy.delayAfter(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(ThrottlePolicy.delayAfter(7)).isEqualTo(Duration.ofMinutes(2));
        assertThat(ThrottlePolicy.delayAfter(9)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void theDelayIsCappedAt15MinutesSoNoLockIsPermanent() {
        assertThat(ThrottlePolicy.delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(ThrottlePolicy.delayAfter(1_000_000)).isEqualTo(Duration.ofMinutes(15));
    }
}
