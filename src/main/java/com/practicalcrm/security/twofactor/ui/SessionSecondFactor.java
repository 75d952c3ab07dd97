package com.practicalcrm.security.twofactor.ui;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import com.practicalcrm.security.twofactor.SecondFactorPolicy;
import com.vaadin.flow.server.VaadinSession;

/**
 * After 2FA is enabled, the session that enabled it already proved both factors (the password at sign-in, a code
 * from the app just now): it gets the TOTP factor, so it is not sent to the code page on its next request.
 */
final class SessionSecondFactor {

    private SessionSecondFactor() {
    }

    static void grantToCurrentSession() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null) {
            return;
        }
        Authentication upgraded = current.toBuilder()
                .authorities(authorities -> authorities.add(
                        FactorGrantedAuthority.fromAuthority(SecondFactorPolicy.TOTP_AUTHORITY)))
                .build();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(upgraded);
        SecurityContextHolder.setContext(context);
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            // Where Spring's HttpSessionSecurityContextRepository reads it on the next request.
            session.getSession().setAttribute(
                    HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }
}
