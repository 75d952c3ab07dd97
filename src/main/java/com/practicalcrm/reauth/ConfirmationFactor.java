package com.practicalcrm.reauth;

import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * How a user confirmed it's them, each recorded as Spring Security's factor authority of that kind with the time of
 * the confirmation (see docs/design-decisions/DD-reauth.md).
 */
public enum ConfirmationFactor {
    PASSWORD(FactorGrantedAuthority.PASSWORD_AUTHORITY),
    /** An authenticator or recovery code: the factor the second sign-in step grants. */
    AUTHENTICATOR_CODE("FACTOR_TOTP"),
    PASSKEY(FactorGrantedAuthority.WEBAUTHN_AUTHORITY);

    private final String authority;

    ConfirmationFactor(String authority) {
        this.authority = authority;
    }

    /** The factor authority that records it in the signed-in authentication. */
    public String authority() {
        return authority;
    }
}
