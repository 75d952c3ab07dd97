package com.practicalcrm.security.throttle;

/** What is being throttled, and by what subject (an account's email or a client address). */
public enum ThrottleScope {
    SIGN_IN_ACCOUNT,
    SIGN_IN_ADDRESS,
    /** Codes (and the password confirming 2FA changes) per account, keyed by user id. */
    TWO_FACTOR_ACCOUNT
}
