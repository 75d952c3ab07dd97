package com.practicalcrm.signin;

import org.springframework.security.core.AuthenticationException;

/**
 * A wrong, reused or mistyped code; the message is for the person. Not a {@code BadCredentialsException}: the
 * service already records failed codes, and the password-step audit must not count them again.
 */
class SecondFactorRejectedException extends AuthenticationException {

    private final boolean recoveryCode;

    SecondFactorRejectedException(String message, boolean recoveryCode) {
        super(message);
        this.recoveryCode = recoveryCode;
    }

    boolean isRecoveryCode() {
        return recoveryCode;
    }
}
