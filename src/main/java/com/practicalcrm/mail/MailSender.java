package com.practicalcrm.mail;

import com.practicalcrm.common.EmailAddress;

/** Delivers one message now (SMTP, or the log when no SMTP server is configured). */
public interface MailSender {

    void deliver(EmailAddress to, MailMessage message);
}
