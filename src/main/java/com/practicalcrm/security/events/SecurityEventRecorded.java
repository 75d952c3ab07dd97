package com.practicalcrm.security.events;

import java.util.Optional;

import com.practicalcrm.common.EmailAddress;

/**
 * Published (synchronously, inside the recording transaction) for every recorded event, so that other features,
 * such as notification mails, can react without the security package knowing them.
 *
 * @param notifyAt where a notification should go when not to the account's current address: an email change
 *                 is reported to the old address
 */
public record SecurityEventRecorded(SecurityEvent event, Optional<EmailAddress> notifyAt) {
}
