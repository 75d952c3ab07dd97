package com.practicalcrm.security.events;

/** Security-relevant things that happen to an account; the user can review their own. */
public enum SecurityEventType {
    ACCOUNT_CREATED("Account created"),
    SIGN_IN("Signed in"),
    SIGN_IN_FAILED("Failed sign-in"),
    SIGN_IN_THROTTLED("Sign-in refused: too many failed attempts");

    private final String label;

    SecurityEventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
