package com.practicalcrm.twofactor;

import java.time.Instant;

/** Too many wrong codes (or confirmations) for this account lately: nothing was checked. */
public class TwoFactorThrottledException extends RuntimeException {

    private final transient Instant retryAt;

    public TwoFactorThrottledException(Instant retryAt) {
        super("Too many wrong codes for this account");
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
