package com.practicalcrm.security.events;

/** Security-relevant things that happen to an account; the user can review their own. */
public enum SecurityEventType {
    ACCOUNT_CREATED("Account created"),
    SIGN_IN("Signed in"),
    SIGN_IN_FAILED("Failed sign-in"),
    SIGN_IN_THROTTLED("Sign-in refused: too many failed attempts"),
    PASSWORD_RESET_REQUESTED("Password reset link requested"),
    PASSWORD_RESET("Password reset"),
    OTHER_SESSIONS_SIGNED_OUT("Signed out other sessions"),
    // Recorded by the two-factor and email-change features; named here so notifications can cover them.
    TWO_FACTOR_ENABLED("2FA enabled"),
    TWO_FACTOR_DISABLED("2FA disabled"),
    TWO_FACTOR_CODE_FAILED("Failed authenticator code"),
    RECOVERY_CODES_REGENERATED("Recovery codes regenerated"),
    RECOVERY_CODE_USED("Recovery code used"),
    EMAIL_CHANGE_REQUESTED("Email change requested"),
    EMAIL_CHANGED("Email address changed");

    private final String label;

    SecurityEventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
