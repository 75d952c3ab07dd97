package com.practicalcrm.passkeys;

/** A passkey name that cannot be used; the message says why. */
public final class PasskeyNameRejectedException extends RuntimeException {

    PasskeyNameRejectedException(String message) {
        super(message);
    }
}
