package com.practicalcrm.passkeys;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * A passkey sign-in that was refused, with the reason the page tells the person. {@link #credentialId()} is set
 * for an unknown passkey, so the browser can be told to forget it (WebAuthn Signals API).
 */
public final class PasskeyRefusedException extends AuthenticationException {

    public enum Reason {
        /** Not registered (any more): removed on the profile, or never added to this site. */
        UNKNOWN,
        /** Its counter went backwards: it may have been copied. */
        COUNTER_WENT_BACKWARDS,
        /** At the code step or "Confirm it's you": a passkey of another account than the signed-in one. */
        OTHER_ACCOUNT,
        /** Too many refused passkeys from this network. */
        THROTTLED,
        /** Signature, origin, challenge or user verification did not check out, or the request was malformed. */
        NOT_VERIFIED
    }

    private final Reason reason;
    private final transient String credentialId;
    private final transient Instant retryAt;

    PasskeyRefusedException(Reason reason, String credentialId, Instant retryAt) {
        super("Passkey refused: " + reason);
        this.reason = reason;
        this.credentialId = credentialId;
        this.retryAt = retryAt;
    }

    static PasskeyRefusedException of(Reason reason) {
        return new PasskeyRefusedException(reason, null, null);
    }

    public Reason reason() {
        return reason;
    }

    /** Base64url id of the unknown passkey, or null. */
    public String credentialId() {
        return credentialId;
    }

    /** When a throttled person may try again, or null. */
    public Instant retryAt() {
        return retryAt;
    }
}
