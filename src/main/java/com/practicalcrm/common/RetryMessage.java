package com.practicalcrm.common;

import java.time.Duration;
import java.time.Instant;

/** "Try again in 3 minutes." for throttled steps. */
public final class RetryMessage {

    private RetryMessage() {
    }

    public static String tryAgainIn(Instant now, Instant retryAt) {
        long seconds = Math.max(1, Duration.between(now, retryAt).toSeconds());
        if (seconds < 60) {
            return "Try again in " + seconds + (seconds == 1 ? " second." : " seconds.");
        }
        long minutes = (seconds + 59) / 60;
        return "Try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
    }
}
