package com.practicalcrm.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.practicalcrm.common.EmailAddress;

/**
 * With no SMTP host configured (the embedded default) messages go to the log, links included, so a newcomer
 * can follow them. Never used when {@code spring.mail.host} is set.
 */
final class LogMailSender implements MailSender {

    private static final Logger log = LoggerFactory.getLogger(LogMailSender.class);

    @Override
    public void deliver(EmailAddress to, MailMessage message) {
        log.info("No SMTP server configured (spring.mail.host); this message was not sent:\nTo: {}\nSubject: {}\n\n{}",
                to, message.subject(), message.text());
    }
}
