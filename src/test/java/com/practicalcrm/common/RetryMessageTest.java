package com.practicalcrm.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryMessageTest {

    private final Instant now = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void shortWaitsAreGivenInSeconds() {
        assertThat(RetryMessage.tryAgainIn(now, now.plusSeconds(30))).isEqualTo("Try again in 30 seconds.");
        assertThat(RetryMessage.tryAgainIn(now, now.plusMillis(200))).isEqualTo("Try again in 1 second.");
    }

    @Test
    void longerWaitsAreRoundedUpToWholeMinutes() {
        assertThat(RetryMessage.tryAgainIn(now, now.plusSeconds(60))).isEqualTo("Try again in 1 minute.");
        assertThat(RetryMessage.tryAgainIn(now, now.plusSeconds(61))).isEqualTo("Try again in 2 minutes.");
        assertThat(RetryMessage.tryAgainIn(now, now.plusSeconds(900))).isEqualTo("Try again in 15 minutes.");
    }
}
