package com.practicalcrm.signin;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import com.practicalcrm.security.AppUserPrincipal;
import com.practicalcrm.twofactor.SecondFactorCheck;
import com.practicalcrm.twofactor.SecondFactorPolicy;
import com.practicalcrm.twofactor.TotpVerification;
import com.practicalcrm.twofactor.TwoFactorService;
import com.practicalcrm.twofactor.TwoFactorThrottledException;

/**
 * Checks the code of the second sign-in step. The five-minute limit of the half-signed-in state is enforced here
 * as well as by the code page's URL rule: the page may have been loaded in time, the code posted too late.
 */
final class TwoFactorCodeAuthenticationProvider implements AuthenticationProvider {

    private final TwoFactorService twoFactor;
    private final SecondFactorPolicy policy;

    public TwoFactorCodeAuthenticationProvider(TwoFactorService twoFactor, SecondFactorPolicy policy) {
        this.twoFactor = twoFactor;
        this.policy = policy;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        TwoFactorCodeRequest request = (TwoFactorCodeRequest) authentication;
        if (!(request.getPrincipal() instanceof AppUserPrincipal principal)) {
            throw new InsufficientAuthenticationException("Sign in with your password first");
        }
        if (!policy.isPasswordStepFresh(request.passwordStep())) {
            throw new SecondFactorExpiredException();
        }
        String code = (String) request.getCredentials();
        SecondFactorCheck check;
        try {
            check = request.isRecoveryCode()
                    ? twoFactor.useRecoveryCode(principal.userId(), code)
                    : twoFactor.verifySignInCode(principal.userId(), code);
        } catch (TwoFactorThrottledException e) {
            throw new SecondFactorThrottledException(e.retryAt(), request.isRecoveryCode());
        }
        if (!check.accepted()) {
            throw new SecondFactorRejectedException(check.message().orElse(TotpVerification.INVALID_MESSAGE),
                    request.isRecoveryCode());
        }
        TwoFactorAuthentication result = TwoFactorAuthentication.of(principal, check.message().orElse(null));
        result.setDetails(request.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return TwoFactorCodeRequest.class.isAssignableFrom(authentication);
    }
}
