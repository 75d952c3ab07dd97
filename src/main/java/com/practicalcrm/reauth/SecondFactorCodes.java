package com.practicalcrm.reauth;

import com.practicalcrm.common.UserId;

/**
 * What "Confirm it's you" needs from two-factor authentication, implemented there (so this package does not depend
 * on it): whether the user has it on, and one check of an authenticator or recovery code. The check is not
 * throttled by the implementation: {@link ReauthenticationService} counts the attempt before calling it.
 */
public interface SecondFactorCodes {

    boolean isEnabled(UserId user);

    /**
     * Checks an authenticator code (its time step is then used up) or a recovery code (then used up).
     * A malformed input compares nothing.
     */
    Result check(UserId user, String codeOrRecoveryCode);

    enum Outcome { ACCEPTED, REJECTED, MALFORMED }

    /** The outcome and a message for the person (the reason of a refusal, or a note such as codes left). */
    record Result(Outcome outcome, String message) {
    }
}
