package com.practicalcrm.passwordreset;

import java.time.Instant;

/** Too many links were asked for the same address, or from the same network, in a short time. */
public class ResetRequestThrottledException extends RuntimeException {

    private final transient Instant retryAt;

    public ResetRequestThrottledException(Instant retryAt) {
        super("Too many password reset requests");
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
