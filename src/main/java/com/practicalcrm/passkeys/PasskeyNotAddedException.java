package com.practicalcrm.passkeys;

/** The browser's new passkey was not accepted; the message says why, for the person. */
public final class PasskeyNotAddedException extends RuntimeException {

    PasskeyNotAddedException(String message, Throwable cause) {
        super(message, cause);
    }
}
