package com.practicalcrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads received mail as a person would: the decoded plain-text part, and the reset link in it. */
public final class MailTexts {

    private static final Pattern RESET_LINK = Pattern.compile("\\S*/reset-password/([A-Za-z0-9_-]{43})");

    private MailTexts() {
    }

    public static String text(MimeMessage message) {
        try {
            return text((Part) message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }

    /**
     * The full password-reset link in the mail, checked to start with the configured
     * {@code practicalcrm.base-url} ({@link TestMailServer#BASE_URL}).
     */
    public static String resetLink(MimeMessage message) {
        Matcher matcher = RESET_LINK.matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("No reset link in: " + text(message));
        }
        String link = matcher.group();
        assertThat(link).as("reset link against practicalcrm.base-url")
                .isEqualTo(TestMailServer.BASE_URL + "/reset-password/" + matcher.group(1));
        return link;
    }

    /** The token of the password-reset link in the mail (whose link is checked as {@link #resetLink} does). */
    public static String resetToken(MimeMessage message) {
        return resetLink(message).substring(resetLink(message).lastIndexOf('/') + 1);
    }

    /** The path of the password-reset link, e.g. "reset-password/abc…", to open on the test server's port. */
    public static String resetPath(MimeMessage message) {
        return "reset-password/" + resetToken(message);
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
