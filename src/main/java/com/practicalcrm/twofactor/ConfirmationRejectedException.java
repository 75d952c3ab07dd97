package com.practicalcrm.twofactor;

/** The current password or code that confirms a 2FA change was wrong; the message says so, for the person. */
public class ConfirmationRejectedException extends RuntimeException {

    public ConfirmationRejectedException(String message) {
        super(message);
    }
}
