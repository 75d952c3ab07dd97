package com.practicalcrm.emailchange;

import java.time.Instant;

import com.practicalcrm.common.EmailAddress;

/** A requested new email address that waits for its confirmation link to be opened. */
public record PendingEmailChange(EmailAddress newEmail, Instant expiresAt) {
}
