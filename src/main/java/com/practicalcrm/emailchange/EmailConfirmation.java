package com.practicalcrm.emailchange;

import com.practicalcrm.common.EmailAddress;

/** What opening a confirmation link did. {@code newEmail} is null when the link was not found. */
public record EmailConfirmation(Outcome outcome, EmailAddress newEmail, boolean keptSession) {

    public EmailConfirmation(Outcome outcome, EmailAddress newEmail) {
        this(outcome, newEmail, false);
    }

    public enum Outcome {
        /** The address is changed. */
        CONFIRMED,
        /** The link is older than 24 hours; nothing changed. */
        EXPIRED,
        /** The link was opened before and the change made then. */
        ALREADY_USED,
        /** No such link: mistyped, or replaced by a newer request or cancelled. */
        NOT_FOUND,
        /** Another account took the address after the request; nothing changed. */
        ADDRESS_TAKEN
    }
}
