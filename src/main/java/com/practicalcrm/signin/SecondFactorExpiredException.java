package com.practicalcrm.signin;

import org.springframework.security.core.AuthenticationException;

/** The code came more than five minutes after the password: even a correct one is refused. */
class SecondFactorExpiredException extends AuthenticationException {

    SecondFactorExpiredException() {
        super("The password step is too old; sign in again");
    }
}
