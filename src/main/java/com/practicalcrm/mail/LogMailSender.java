package com.practicalcrm.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.LogSafe;

/**
 * Writes messages to the log instead of sending them: without an SMTP server, or with
 * {@code practicalcrm.mail.log-only=true}. Link tokens are masked (their first 4 characters, then an ellipsis)
 * so that a log reader cannot use a reset or confirmation link; only on the embedded development database are
 * they written in full, so a newcomer can follow the link.
 */
final class LogMailSender implements MailSender {

    /**
     * A token: any run of 20 or more URL-safe Base64 characters (the app's tokens have 43). Host names and words
     * are shorter; masking a long one too costs nothing in a log.
     */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,}");
    private static final int KEPT = 4;
    /** Mails are short; a longer text is cut in the log. */
    private static final int MAX_TEXT = 20_000;

    private static final Logger log = LoggerFactory.getLogger(LogMailSender.class);

    private final boolean revealTokens;

    /** @param revealTokens whether tokens are written in full (the embedded development database only) */
    LogMailSender(boolean revealTokens) {
        this.revealTokens = revealTokens;
    }

    @Override
    public void deliver(EmailAddress to, MailMessage message) {
        String text = revealTokens ? message.text() : mask(message.text());
        // One line per mail: the text holds user-controlled values (names, addresses), its line breaks are escaped.
        log.info("Mail not sent (written to the log instead, see spring.mail.host). To: {} | Subject: {} | Text: {}",
                LogSafe.escape(to), LogSafe.escape(message.subject()), LogSafe.escape(text, MAX_TEXT));
    }

    static String mask(String text) {
        Matcher matcher = TOKEN.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(matcher.group().substring(0, KEPT) + "…"));
        }
        return matcher.appendTail(masked).toString();
    }
}
