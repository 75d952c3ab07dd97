package com.practicalcrm.account;

/** The password breaks the password rules; the message says why, for the person. */
public class PasswordRejectedException extends RuntimeException {

    public PasswordRejectedException(String message) {
        super(message);
    }
}
