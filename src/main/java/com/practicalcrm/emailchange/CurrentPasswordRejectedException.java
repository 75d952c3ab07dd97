package com.practicalcrm.emailchange;

/** The current password, asked for again before a sensitive change, was wrong or may not be tried right now. */
public final class CurrentPasswordRejectedException extends RuntimeException {

    public CurrentPasswordRejectedException(String message) {
        super(message);
    }
}
