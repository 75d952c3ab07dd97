package com.practicalcrm.passkeys;

import org.springframework.security.web.webauthn.api.Bytes;

import com.practicalcrm.common.UserId;

/**
 * A passkey reported a signature counter that is not above the last one seen: a sign of a cloned authenticator
 * (W3C WebAuthn, 6.1.1). The sign-in is refused and recorded for the passkey's owner.
 */
final class CounterWentBackwardsException extends RuntimeException {

    private final transient UserId owner;
    private final transient Bytes credentialId;

    CounterWentBackwardsException(UserId owner, Bytes credentialId) {
        super("The passkey's signature counter went backwards");
        this.owner = owner;
        this.credentialId = credentialId;
    }

    /** Null if the passkey's account is gone meanwhile. */
    UserId owner() {
        return owner;
    }

    Bytes credentialId() {
        return credentialId;
    }
}
