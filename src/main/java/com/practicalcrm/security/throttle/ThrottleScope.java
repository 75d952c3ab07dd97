package com.practicalcrm.security.throttle;

/** What is being throttled, and by what subject (an account's email or a client address). */
public enum ThrottleScope {
    SIGN_IN_ACCOUNT,
    SIGN_IN_ADDRESS,
    /** The current password asked for again by a signed-in user (e.g. to change the email address), per account. */
    CURRENT_PASSWORD,
    /** Password-reset links asked for one address (an account's or not): no mail bombing of one inbox. */
    PASSWORD_RESET_ACCOUNT,
    /** Password-reset links asked for from one client address: no probing of many addresses. */
    PASSWORD_RESET_ADDRESS,
    /** Create account requests and resent confirmation links for one address (an account's or not). */
    SIGN_UP_ACCOUNT,
    /** Create account requests and resent confirmation links from one client address. */
    SIGN_UP_ADDRESS,
    /** Codes (and the password confirming 2FA changes) per account, keyed by user id. */
    TWO_FACTOR_ACCOUNT,
    /** Sign-in codes tried from one client address, whichever accounts they are for. */
    TWO_FACTOR_ADDRESS
}
