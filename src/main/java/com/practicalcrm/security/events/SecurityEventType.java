package com.practicalcrm.security.events;

/** Security-relevant things that happen to an account; the user can review their own. */
public enum SecurityEventType {
    ACCOUNT_CREATED("Account created"),
    SIGN_IN("Signed in"),
    SIGN_IN_FAILED("Failed sign-in"),
    SIGN_IN_THROTTLED("Sign-in refused: too many failed attempts"),
    EMAIL_CHANGE_REQUESTED("Email change requested"),
    EMAIL_CHANGE_CANCELLED("Email change cancelled"),
    EMAIL_CHANGED("Email address changed"),
    CURRENT_PASSWORD_WRONG("Wrong current password entered"),
    AVATAR_CHANGED("Profile picture changed"),
    AVATAR_REMOVED("Profile picture removed");

    private final String label;

    SecurityEventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
