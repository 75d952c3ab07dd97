package com.practicalcrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads received mail as a person would: the decoded plain-text part, and the email confirmation link in it. */
public final class TestMails {

    private static final Pattern CONFIRM_LINK = Pattern.compile("(\\S*/confirm-email\\?token=([A-Za-z0-9_-]+))");

    private TestMails() {
    }

    public static String plainText(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = plainText(multipart.getBodyPart(i));
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }

    /**
     * The full email confirmation link in the message's plain text, checked to start with the configured
     * {@code practicalcrm.base-url} ({@link TestMailServer#BASE_URL}).
     */
    public static String confirmationLink(Part message) {
        return confirmationMatch(message).group(1);
    }

    /** The token of the email confirmation link (whose link is checked as {@link #confirmationLink} does). */
    public static String confirmationToken(Part message) {
        return confirmationMatch(message).group(2);
    }

    private static Matcher confirmationMatch(Part message) {
        Matcher matcher = CONFIRM_LINK.matcher(plainText(message));
        if (!matcher.find()) {
            throw new AssertionError("No confirmation link in: " + plainText(message));
        }
        assertThat(matcher.group(1)).as("confirmation link against practicalcrm.base-url")
                .isEqualTo(TestMailServer.BASE_URL + "/confirm-email?token=" + matcher.group(2));
        return matcher;
    }
}
