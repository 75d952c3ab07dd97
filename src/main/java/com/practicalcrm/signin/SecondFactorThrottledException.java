package com.practicalcrm.signin;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** Too many wrong codes for the account lately; the code page says when to try again. */
class SecondFactorThrottledException extends AuthenticationException {

    private final transient Instant retryAt;
    private final boolean recoveryCode;

    SecondFactorThrottledException(Instant retryAt, boolean recoveryCode) {
        super("Too many wrong codes");
        this.retryAt = retryAt;
        this.recoveryCode = recoveryCode;
    }

    Instant retryAt() {
        return retryAt;
    }

    boolean isRecoveryCode() {
        return recoveryCode;
    }
}
