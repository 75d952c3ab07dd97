package com.practicalcrm.twofactor;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.practicalcrm.common.UserId;
import com.practicalcrm.reauth.SecondFactorCodes;

/**
 * Authenticator and recovery codes for "Confirm it's you": the same checks as the sign-in code step (a time step
 * is accepted once, a recovery code is used up), throttled by the re-authentication's own counter instead.
 */
@Component
class TwoFactorReauthentication implements SecondFactorCodes {

    static final String MALFORMED = "Enter the 6-digit code from your authenticator app, or a recovery code as you "
            + "saved it (e.g. k7fp-2xq9-mc4t).";

    private final TwoFactorService twoFactor;

    TwoFactorReauthentication(TwoFactorService twoFactor) {
        this.twoFactor = twoFactor;
    }

    @Override
    public boolean isEnabled(UserId user) {
        return twoFactor.isEnabled(user);
    }

    @Override
    public Result check(UserId user, String codeOrRecoveryCode) {
        Optional<SecondFactorCheck> check;
        if (TotpVerifier.isWellFormed(codeOrRecoveryCode)) {
            check = twoFactor.checkCode(user, codeOrRecoveryCode);
        } else {
            Optional<RecoveryCode> recoveryCode = RecoveryCode.parse(codeOrRecoveryCode);
            if (recoveryCode.isEmpty()) {
                return new Result(Outcome.MALFORMED, MALFORMED);
            }
            check = Optional.of(twoFactor.checkRecoveryCode(user, recoveryCode.get()));
        }
        if (check.isEmpty()) {
            return new Result(Outcome.MALFORMED, TwoFactorService.NOT_ENABLED);
        }
        return new Result(check.get().accepted() ? Outcome.ACCEPTED : Outcome.REJECTED,
                check.get().message().orElse(null));
    }
}
