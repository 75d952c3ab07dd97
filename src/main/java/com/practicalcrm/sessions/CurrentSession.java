package com.practicalcrm.sessions;

import java.util.Collection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import com.practicalcrm.security.AppUserPrincipal;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The session of the Vaadin request being handled, as the pages that change credentials need it: its registry key,
 * and carrying a credential change into it so that it goes on while the others end.
 */
public final class CurrentSession {

    private static final Logger LOG = LoggerFactory.getLogger(CurrentSession.class);

    private CurrentSession() {
    }

    /** The registry key ({@link UserSessions#KEY_ATTRIBUTE}) of the current session, or null. */
    public static String key() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getSession() == null ? null
                : (String) session.getSession().getAttribute(UserSessions.KEY_ATTRIBUTE);
    }

    /**
     * After {@link UserSessions#endOthersAfterCredentialChange}: the signed-in principal takes the new credential
     * version (and email address), the authentication gains {@code addedFactors} (e.g. the TOTP factor the user
     * just proved), and the session gets a new id, so that an id known before the change (session fixation) is
     * worth nothing. Does nothing when nobody is signed in.
     *
     * @param email the account's address from now on, or null when it stays
     */
    public static void renew(int credentialVersion, String email, Collection<String> addedFactors) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof AppUserPrincipal principal)) {
            return;
        }
        AppUserPrincipal renewed = new AppUserPrincipal(principal.userId(),
                email == null ? principal.getUsername() : email, principal.getPassword(),
                credentialVersion);
        Authentication upgraded = current.toBuilder()
                .principal(renewed)
                .authorities(authorities -> addedFactors.forEach(
                        factor -> authorities.add(FactorGrantedAuthority.fromAuthority(factor))))
                .build();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(upgraded);
        SecurityContextHolder.setContext(context);
        HttpServletRequest request = VaadinServletRequest.getCurrent() == null ? null
                : VaadinServletRequest.getCurrent().getHttpServletRequest();
        if (request == null || request.getSession(false) == null) {
            return;
        }
        // Where Spring's HttpSessionSecurityContextRepository reads it on the next request.
        request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        try {
            request.changeSessionId();
        } catch (UnsupportedOperationException notAContainer) {
            // Servlet containers implement it; only the request stand-ins of browserless UI tests do not.
            LOG.warn("Session id not changed: {}", notAContainer.toString());
        }
    }
}
