package com.practicalcrm.mail;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import com.practicalcrm.common.EmailAddress;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** SMTP through Spring Boot's mail support, configured by the standard {@code spring.mail.*} properties. */
final class SmtpMailSender implements MailSender {

    private final JavaMailSender mailSender;
    private final String from;

    SmtpMailSender(JavaMailSender mailSender, String from) {
        this.mailSender = mailSender;
        this.from = from;
    }

    @Override
    public void deliver(EmailAddress to, MailMessage message) {
        try {
            MimeMessage mime = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to.value());
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
            mailSender.send(mime);
        } catch (MessagingException e) {
            throw new MailDeliveryException("Could not build the message: " + e.getMessage(), e);
        } catch (MailException e) {
            throw new MailDeliveryException("SMTP delivery failed: " + e.getMessage(), e);
        }
    }
}
