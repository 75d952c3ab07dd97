package com.practicalcrm.user;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import com.practicalcrm.security.AppUserPrincipal;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.security.login.SignInThrottledException;

/** Records sign-ins and failed sign-ins of existing accounts as security events. */
@Component
class SignInAuditListener {

    private final UserService users;
    private final SecurityEventService events;
    private final ClientInfoResolver clients;

    SignInAuditListener(UserService users, SecurityEventService events, ClientInfoResolver clients) {
        this.users = users;
        this.events = events;
        this.clients = clients;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AppUserPrincipal principal) {
            events.record(principal.userId(), SecurityEventType.SIGN_IN, clients.current());
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        SecurityEventType type = event.getException() instanceof SignInThrottledException
                ? SecurityEventType.SIGN_IN_THROTTLED : SecurityEventType.SIGN_IN_FAILED;
        users.findProfileByEmail(event.getAuthentication().getName())
                .ifPresent(profile -> events.record(profile.id(), type, clients.current()));
    }
}
