package com.practicalcrm.mail;

/**
 * Published after each attempt to deliver a mail, so that others (metrics) can count them without the mail
 * feature knowing them. Deliberately without recipient or subject.
 *
 * @param delivered whether the SMTP server (or the log) took the mail
 */
public record MailDeliveryAttempted(boolean delivered) {
}
