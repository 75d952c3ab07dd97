package com.practicalcrm.account;

import com.practicalcrm.common.EmailAddress;

/** What opening an account confirmation link did. {@code email} is null when the link was not found. */
public record AccountConfirmation(Outcome outcome, EmailAddress email) {

    public enum Outcome {
        /** The address is confirmed now: the account can sign in. */
        CONFIRMED,
        /** The address was confirmed before (by this link, or by a password reset). */
        ALREADY_CONFIRMED,
        /** The link is older than 24 hours; nothing changed. */
        EXPIRED,
        /** No such link: mistyped, replaced by a newer one, or its unconfirmed account was deleted. */
        NOT_FOUND
    }
}
