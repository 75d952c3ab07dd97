package com.practicalcrm.signin;

import java.io.Serial;

import org.springframework.security.authentication.AccountStatusException;

/**
 * The password was correct, but the account's address is not confirmed yet. Thrown only after the password has
 * been checked, so it tells nothing to someone who does not know the password.
 */
public class AccountNotConfirmedException extends AccountStatusException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String email;

    public AccountNotConfirmedException(String email) {
        super("Email address not confirmed");
        this.email = email;
    }

    /** The account's address, to send the confirmation link to again. */
    public String email() {
        return email;
    }
}
