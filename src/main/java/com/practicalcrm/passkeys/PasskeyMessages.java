package com.practicalcrm.passkeys;

import java.time.Clock;

import org.springframework.stereotype.Component;

import com.practicalcrm.common.RetryMessage;

/** What the person is told when a passkey does not work, one clear sentence per cause. */
@Component
public class PasskeyMessages {

    public static final String CANCELLED = "The passkey prompt was closed before a passkey was used. Nothing was "
            + "changed; try again when you are ready.";
    public static final String UNSUPPORTED = "This browser cannot use passkeys. Sign in with your email and "
            + "password, or use a current version of Chrome, Edge, Firefox or Safari.";
    public static final String UNKNOWN = "This passkey is not registered with PracticalCRM (it may have been "
            + "removed from your profile). Sign in with your email and password, then add a new passkey on your "
            + "profile page.";
    public static final String COUNTER_WENT_BACKWARDS = "This passkey was refused because it may have been "
            + "copied: it reported an older use count than before. Sign in another way and check the passkeys on "
            + "your profile page.";
    public static final String OTHER_ACCOUNT = "That passkey belongs to a different account. Use a passkey of the "
            + "account you are signing in to.";
    public static final String NOT_VERIFIED = "The passkey could not be verified. Try again, or sign in with your "
            + "email and password.";
    public static final String FAILED = "The passkey could not be used because of a problem in the browser or the "
            + "connection. Try again.";
    public static final String ALREADY_ADDED = "This device or password manager already holds a passkey for your "
            + "account. Use that one, or remove it from the list first.";

    private final Clock clock;

    PasskeyMessages(Clock clock) {
        this.clock = clock;
    }

    /** The message for a refused passkey sign-in (or confirmation). */
    public String signInRefused(Exception exception) {
        if (!(exception instanceof PasskeyRefusedException refused)) {
            return NOT_VERIFIED;
        }
        return switch (refused.reason()) {
            case UNKNOWN -> UNKNOWN;
            case COUNTER_WENT_BACKWARDS -> COUNTER_WENT_BACKWARDS;
            case OTHER_ACCOUNT -> OTHER_ACCOUNT;
            case THROTTLED -> "Too many passkeys were refused from your network. For your security, passkey "
                    + "sign-in is paused. " + RetryMessage.tryAgainIn(clock.instant(), refused.retryAt());
            case NOT_VERIFIED -> NOT_VERIFIED;
        };
    }
}
