package com.practicalcrm.signin;

import java.io.Serial;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;

/** A code posted to the second sign-in step, not yet checked, with the password step it completes. */
final class TwoFactorCodeRequest extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Authentication passwordStep;
    private final boolean recoveryCode;
    private String code;

    TwoFactorCodeRequest(Authentication passwordStep, String code, boolean recoveryCode) {
        super(List.of());
        this.passwordStep = passwordStep;
        this.code = code;
        this.recoveryCode = recoveryCode;
        setAuthenticated(false);
    }

    Authentication passwordStep() {
        return passwordStep;
    }

    boolean isRecoveryCode() {
        return recoveryCode;
    }

    @Override
    public Object getPrincipal() {
        return passwordStep.getPrincipal();
    }

    @Override
    public Object getCredentials() {
        return code;
    }

    @Override
    public void eraseCredentials() {
        code = null;
        super.eraseCredentials();
    }

    @Override
    public String toString() {
        return "TwoFactorCodeRequest[" + getName() + (recoveryCode ? ", recovery code" : "") + "]";
    }
}
