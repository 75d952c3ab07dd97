package com.practicalcrm.security;

import org.springframework.security.core.Authentication;

/**
 * Whether a signed-in authentication lacks a factor that its user's account now requires, for example the
 * authenticator code after 2FA was turned on in another session. Implemented by the feature that adds the factor
 * (two-factor), asked by the session validation, so that neither this package nor sessions refer to that feature.
 */
public interface RequiredFactors {

    boolean isFactorMissing(Authentication authentication);
}
