package com.practicalcrm.security.throttle;

/**
 * What is being throttled, and by what subject (an account's email or a client address). Scopes keyed by a
 * client address follow the looser per-address rule of {@link ThrottlePolicy}, the others the per-account rule.
 */
public enum ThrottleScope {
    SIGN_IN_ACCOUNT(false),
    /** Wrong passwords from one client address, whichever accounts they are for (per-address rule). */
    SIGN_IN_ADDRESS(true),
    /** "Confirm it's you": passwords and codes given again by a signed-in user before a sensitive action, per account. */
    REAUTHENTICATION(false),
    /** Password-reset links asked for one address (an account's or not): no mail bombing of one inbox. */
    PASSWORD_RESET_ACCOUNT(false),
    /**
     * Password-reset links asked for from one client address: no probing of many addresses. Counts mails sent,
     * not failures, so it keeps the stricter per-account rule.
     */
    PASSWORD_RESET_ADDRESS(false),
    /** Create account requests and resent confirmation links for one address (an account's or not). */
    SIGN_UP_ACCOUNT(false),
    /**
     * Create account requests and resent confirmation links from one client address: the looser per-address rule,
     * as a whole office may sign up from one NAT address; each target address has its own stricter count.
     */
    SIGN_UP_ADDRESS(true),
    /** Sign-in codes per account, keyed by user id. */
    TWO_FACTOR_ACCOUNT(false),
    /** Sign-in codes tried from one client address, whichever accounts they are for (per-address rule). */
    TWO_FACTOR_ADDRESS(true),
    /** Passkey sign-ins from one client address that were refused (per-address rule). */
    PASSKEY_ADDRESS(true);

    private final boolean perClientAddress;

    ThrottleScope(boolean perClientAddress) {
        this.perClientAddress = perClientAddress;
    }

    /** True when the subjects are client addresses shared by many people (the looser per-address rule). */
    public boolean perClientAddress() {
        return perClientAddress;
    }
}
