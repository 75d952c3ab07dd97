package com.practicalcrm.account;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.MailTexts;
import com.practicalcrm.TestMailServer;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** The mails of sign-up as their recipient reads them. */
public final class SignUpMails {

    public static final String CONFIRM_SUBJECT = "Confirm your email address for PracticalCRM";
    public static final String ALREADY_SUBJECT = "You already have a PracticalCRM account";

    private static final Pattern CONFIRM_LINK =
            Pattern.compile("Confirm email address: (\\S+/confirm-account\\?token=([A-Za-z0-9_-]+))");

    private SignUpMails() {
    }

    /** Waits (up to 10 s) for {@code count} confirmation mails to the address; their links, in no order. */
    public static List<String> awaitConfirmationLinks(GreenMail greenMail, String email, int count) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            List<String> links = TestMailServer.messagesTo(greenMail, email).stream()
                    .filter(m -> subject(m).equals(CONFIRM_SUBJECT))
                    .map(SignUpMails::confirmationLink)
                    .toList();
            if (links.size() >= count) {
                return links;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(links.size() + " of " + count + " confirmation mails to " + email);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for mail", e);
            }
        }
    }

    /** The one confirmation link mailed to the address so far (waits for it). */
    public static String awaitConfirmationLink(GreenMail greenMail, String email) {
        return confirmationLink(TestMailServer.awaitMessageTo(greenMail, email, CONFIRM_SUBJECT));
    }

    public static String confirmationLink(MimeMessage message) {
        Matcher matcher = CONFIRM_LINK.matcher(MailTexts.text(message));
        if (!matcher.find()) {
            throw new AssertionError("No confirmation link in: " + MailTexts.text(message));
        }
        return matcher.group(1);
    }

    public static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
