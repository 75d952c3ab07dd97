package com.practicalcrm.account;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.UserId;

/**
 * The sign-in data of an account. Never handed to views.
 *
 * @param credentialVersion raised by a password reset; sessions signed in with an older one end
 * @param emailConfirmed    whether the address was proved (by the sign-up link or a password reset); an account
 *                          without it cannot sign in
 */
public record UserCredentials(UserId id, EmailAddress email, String passwordHash, int credentialVersion,
                              boolean emailConfirmed) {

    @Override
    public String toString() {
        return "UserCredentials[id=" + id + ", email=" + email + "]";
    }
}
