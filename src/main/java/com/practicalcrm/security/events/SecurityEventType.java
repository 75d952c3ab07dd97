package com.practicalcrm.security.events;

/** Security-relevant things that happen to an account; the user can review their own. */
public enum SecurityEventType {
    ACCOUNT_CREATED("Account created"),
    EMAIL_CONFIRMED("Email address confirmed"),
    SIGN_IN_UNCONFIRMED("Sign-in refused: email address not confirmed yet"),
    SIGN_IN("Signed in"),
    SIGN_IN_FAILED("Failed sign-in"),
    SIGN_IN_THROTTLED("Sign-in refused: too many failed attempts"),
    EMAIL_CHANGE_REQUESTED("Email change requested"),
    EMAIL_CHANGE_CANCELLED("Email change cancelled"),
    EMAIL_CHANGED("Email address changed"),
    /** Recorded before "Confirm it's you" replaced the current-password field; kept so stored events still read. */
    CURRENT_PASSWORD_WRONG("Wrong current password entered"),
    REAUTHENTICATED("Confirmed it's you"),
    REAUTHENTICATION_FAILED("Wrong password or code at \"Confirm it's you\""),
    AVATAR_CHANGED("Profile picture changed"),
    AVATAR_REMOVED("Profile picture removed"),
    PASSWORD_RESET_REQUESTED("Password reset link requested"),
    PASSWORD_RESET("Password reset"),
    OTHER_SESSIONS_SIGNED_OUT("Signed out other sessions"),
    SIGN_IN_PASSWORD_ACCEPTED("Password accepted, waiting for the two-factor code"),
    TWO_FACTOR_ENABLED("Two-factor authentication enabled"),
    TWO_FACTOR_DISABLED("Two-factor authentication disabled"),
    TWO_FACTOR_CODE_FAILED("Wrong two-factor code"),
    RECOVERY_CODE_USED("Recovery code used"),
    RECOVERY_CODES_REGENERATED("Recovery codes regenerated"),
    TRUSTED_BROWSER_ADDED("Browser remembered: no code asked there for 30 days"),
    TRUSTED_BROWSER_REMOVED("Remembered browser removed"),
    TRUSTED_BROWSERS_REVOKED("Every remembered browser removed"),
    NEW_DEVICE_SIGN_IN("Sign-in from a new browser (alert mailed)"),
    SIGN_IN_REPORTED("\"This wasn't me\": every session ended, reset link sent"),
    SESSION_SIGNED_OUT("Signed out a session"),
    ACCOUNT_DATA_EXPORTED("Account data downloaded"),
    PASSKEY_ADDED("Passkey added"),
    PASSKEY_RENAMED("Passkey renamed"),
    PASSKEY_REMOVED("Passkey removed"),
    PASSKEY_SIGN_IN("Signed in with a passkey"),
    PASSKEY_COUNTER_WENT_BACKWARDS("Passkey refused: it may have been copied (its counter went backwards)");

    private final String label;

    SecurityEventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
