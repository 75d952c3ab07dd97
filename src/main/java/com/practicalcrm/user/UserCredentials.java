package com.practicalcrm.user;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.UserId;

/**
 * The sign-in data of an account. Never handed to views.
 *
 * @param credentialVersion raised by a password reset; sessions signed in with an older one end
 */
public record UserCredentials(UserId id, EmailAddress email, String passwordHash, int credentialVersion) {

    @Override
    public String toString() {
        return "UserCredentials[id=" + id + ", email=" + email + "]";
    }
}
