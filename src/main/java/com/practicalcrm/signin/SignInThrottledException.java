package com.practicalcrm.signin;

import java.io.Serial;
import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused without checking the password: too many recent failures for the account or address. */
public class SignInThrottledException extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Instant retryAt;

    public SignInThrottledException(Instant retryAt) {
        super("Too many failed sign-in attempts");
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
