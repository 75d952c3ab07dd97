package com.practicalcrm.signin;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Component;

import com.practicalcrm.account.UserService;
import com.practicalcrm.security.AppUserPrincipal;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.twofactor.SecondFactorPolicy;

/**
 * Records sign-ins and failed sign-ins of existing accounts as security events. For a user with 2FA the password
 * step is recorded as such and the sign-in when the code step succeeds (failed codes are recorded by the 2FA
 * service). A sign-in with a passkey (alone, or instead of the code) is recorded as such.
 */
@Component
class SignInAuditListener {

    private final UserService users;
    private final SecurityEventService events;
    private final ClientInfoResolver clients;
    private final SecondFactorPolicy secondFactor;

    SignInAuditListener(UserService users, SecurityEventService events, ClientInfoResolver clients,
                        SecondFactorPolicy secondFactor) {
        this.users = users;
        this.events = events;
        this.clients = clients;
        this.secondFactor = secondFactor;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AppUserPrincipal principal) {
            SecurityEventType type = secondFactor.isSecondFactorMissing(event.getAuthentication())
                    ? SecurityEventType.SIGN_IN_PASSWORD_ACCEPTED
                    : usedPasskey(event.getAuthentication()) ? SecurityEventType.PASSKEY_SIGN_IN
                    : SecurityEventType.SIGN_IN;
            events.record(principal.userId(), type, clients.current());
        }
    }

    /** A passkey, alone or at the code step (its factor is in the result of that step). */
    private static boolean usedPasskey(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(a -> FactorGrantedAuthority.WEBAUTHN_AUTHORITY.equals(a.getAuthority()));
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        SecurityEventType type = switch (event.getException()) {
            case SignInThrottledException throttled -> SecurityEventType.SIGN_IN_THROTTLED;
            case AccountNotConfirmedException unconfirmed -> SecurityEventType.SIGN_IN_UNCONFIRMED;
            default -> SecurityEventType.SIGN_IN_FAILED;
        };
        users.findProfileByEmail(event.getAuthentication().getName())
                .ifPresent(profile -> events.record(profile.id(), type, clients.current()));
    }
}
