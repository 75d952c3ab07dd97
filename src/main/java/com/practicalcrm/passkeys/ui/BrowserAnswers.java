package com.practicalcrm.passkeys.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.practicalcrm.common.LogSafe;
import com.practicalcrm.passkeys.PasskeyMessages;

/** The message for a browser's answer that is not a success. */
final class BrowserAnswers {

    private static final Logger log = LoggerFactory.getLogger(BrowserAnswers.class);

    private BrowserAnswers() {
    }

    static String describe(PasskeyScript.Result result) {
        if (result.is("failed")) {
            // A browser error, or a relying-party id or origin that does not fit the page: for the operator.
            log.warn("Passkey request failed in the browser: {}", LogSafe.escape(String.valueOf(result.detail())));
        }
        return switch (result.status()) {
            case "cancelled", "aborted" -> PasskeyMessages.CANCELLED;
            case "unsupported", "unavailable" -> PasskeyMessages.UNSUPPORTED;
            case "exists" -> PasskeyMessages.ALREADY_ADDED;
            case "refused" -> result.message() == null || result.message().isBlank()
                    ? PasskeyMessages.NOT_VERIFIED : result.message();
            default -> PasskeyMessages.FAILED;
        };
    }
}
