package com.practicalcrm.user;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.UserId;

/** The sign-in data of an account. Never handed to views. */
public record UserCredentials(UserId id, EmailAddress email, String passwordHash) {

    @Override
    public String toString() {
        return "UserCredentials[id=" + id + ", email=" + email + "]";
    }
}
