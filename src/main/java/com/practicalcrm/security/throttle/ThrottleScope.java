package com.practicalcrm.security.throttle;

/** What is being throttled, and by what subject (an account's email or a client address). */
public enum ThrottleScope {
    SIGN_IN_ACCOUNT,
    SIGN_IN_ADDRESS,
    /** The current password asked for again by a signed-in user (e.g. to change the email address), per account. */
    CURRENT_PASSWORD
}
