package com.practicalcrm.passwordreset;

/** The link is unknown, expired, already used or replaced by a newer one; the user must ask for a new link. */
public class InvalidResetLinkException extends RuntimeException {

    public InvalidResetLinkException() {
        super("This link to reset your password no longer works.");
    }
}
