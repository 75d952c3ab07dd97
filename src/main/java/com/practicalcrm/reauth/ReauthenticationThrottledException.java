package com.practicalcrm.reauth;

import java.time.Instant;

/** Too many wrong passwords or codes at "Confirm it's you" lately: nothing was checked. Says when to try again. */
public final class ReauthenticationThrottledException extends ReauthenticationException {

    private final transient Instant retryAt;

    ReauthenticationThrottledException(String message, Instant retryAt) {
        super(message);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
