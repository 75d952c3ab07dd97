package com.practicalcrm.account;

/** The address belongs to another account (compared regardless of case). */
public class EmailAlreadyInUseException extends RuntimeException {

    public EmailAlreadyInUseException() {
        super("An account with this email address already exists. Sign in instead, or use another address.");
    }

    public EmailAlreadyInUseException(String message) {
        super(message);
    }
}
