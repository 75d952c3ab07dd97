package com.practicalcrm;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads received mail as a person would: the decoded plain-text part, and the link in it. */
public final class TestMails {

    private static final Pattern CONFIRM_LINK = Pattern.compile("(https?://\\S+/confirm-email\\?token=([A-Za-z0-9_-]+))");

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

    /** The token of the email confirmation link in the message's plain text. */
    public static String confirmationToken(Part message) {
        Matcher matcher = CONFIRM_LINK.matcher(plainText(message));
        if (!matcher.find()) {
            throw new AssertionError("No confirmation link in: " + plainText(message));
        }
        return matcher.group(2);
    }
}
