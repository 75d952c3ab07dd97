package com.practicalcrm.passkeys.ui;

import com.practicalcrm.passkeys.PasskeyMessages;

/** The message for a browser's answer that is not a success. */
final class BrowserAnswers {

    private BrowserAnswers() {
    }

    static String describe(PasskeyScript.Result result) {
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
