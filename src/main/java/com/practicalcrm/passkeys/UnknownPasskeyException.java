package com.practicalcrm.passkeys;

import org.springframework.security.web.webauthn.api.Bytes;

/** A passkey that is not registered (any more): removed on the profile, or made for another site or account. */
final class UnknownPasskeyException extends RuntimeException {

    private final transient Bytes credentialId;

    UnknownPasskeyException(Bytes credentialId) {
        super("This passkey is not registered");
        this.credentialId = credentialId;
    }

    Bytes credentialId() {
        return credentialId;
    }
}
