package com.practicalcrm.sessions;

/** The password given to confirm a sensitive action is wrong, or too many wrong ones were given; says which. */
public class PasswordConfirmationException extends RuntimeException {

    public PasswordConfirmationException(String message) {
        super(message);
    }
}
