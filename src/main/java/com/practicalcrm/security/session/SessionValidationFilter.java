package com.practicalcrm.security.session;

import java.io.IOException;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.security.AppUserPrincipal;
import com.practicalcrm.security.ClientInfoResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Runs right after the security context is loaded from the session, on every request of every instance: a
 * session whose account changed its credentials (password reset) or that was ended from another session is
 * invalidated here, so the request goes on as an anonymous one and protected pages send it to sign-in. A
 * session seen for the first time after sign-in is registered.
 */
public final class SessionValidationFilter extends OncePerRequestFilter {

    /** Set in the fresh session so that the sign-in page can say why the user is there. */
    public static final String ENDED_NOTICE_ATTRIBUTE = SessionValidationFilter.class.getName() + ".ended";

    private final UserSessions sessions;

    public SessionValidationFilter(UserSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && authentication != null
                && authentication.getPrincipal() instanceof AppUserPrincipal principal
                && !isValid(session, principal, ClientInfoResolver.of(request))) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            request.getSession(true).setAttribute(ENDED_NOTICE_ATTRIBUTE, Boolean.TRUE);
        }
        chain.doFilter(request, response);
    }

    private boolean isValid(HttpSession session, AppUserPrincipal principal, ClientInfo client) {
        String key = (String) session.getAttribute(UserSessions.KEY_ATTRIBUTE);
        if (key != null) {
            return sessions.continueSession(principal.userId(), principal.credentialVersion(), key, client);
        }
        // The first requests after sign-in may arrive together; register the session once.
        synchronized (WebUtils.getSessionMutex(session)) {
            key = (String) session.getAttribute(UserSessions.KEY_ATTRIBUTE);
            if (key != null) {
                return true;
            }
            Optional<String> registered = sessions.register(principal.userId(), principal.credentialVersion(),
                    client);
            registered.ifPresent(k -> session.setAttribute(UserSessions.KEY_ATTRIBUTE, k));
            return registered.isPresent();
        }
    }
}
