package com.practicalcrm.account;

import java.time.Instant;

/**
 * Too many accounts were asked for one address, or from one network, in a short time. Says nothing about whether
 * the address has an account: requests are counted either way.
 */
public class SignUpThrottledException extends RuntimeException {

    private final transient Instant retryAt;

    public SignUpThrottledException(Instant retryAt) {
        super("Too many create account requests");
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
