package com.practicalcrm.twofactor;

/** What the profile page shows about a user's 2FA. */
public record TwoFactorStatus(boolean enabled, int unusedRecoveryCodes) {
}
