package com.practicalcrm.sessions;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

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
 * invalidated here, and so is one that reached a {@link SessionLimits limit} (idle or absolute), so the request
 * goes on as an anonymous one and protected pages send it to sign-in. A session seen for the first time after
 * sign-in is registered. Every request but Vaadin's heartbeat and those marked {@link #NOT_ACTIVITY_ATTRIBUTE}
 * counts as user activity.
 * <p>
 * A session that once had every factor its user needs and now lacks one (2FA was turned on in another session,
 * and this one signed in with the password alone) ends here too. Spring's URL rules cannot stop it: Vaadin's
 * internal requests (UI events, uploads, downloads) are open to everyone, and the views it already shows keep
 * working through them. A session still at the code step never had all factors, so it goes on to that step.
 */
public final class SessionValidationFilter extends OncePerRequestFilter {

    /** Set in the fresh session (a {@link SessionEndReason}) so that the sign-in page can say why. */
    public static final String ENDED_NOTICE_ATTRIBUTE = SessionValidationFilter.class.getName() + ".ended";

    /**
     * Request attribute: set (to any value) while handling a request that the app sent by itself, such as the
     * main layout's session check, so that it does not count as user activity.
     */
    public static final String NOT_ACTIVITY_ATTRIBUTE = SessionValidationFilter.class.getName() + ".notActivity";

    /** Session attribute: set once a request of this session had every factor its user needs. */
    static final String ALL_FACTORS_ATTRIBUTE = SessionValidationFilter.class.getName() + ".allFactors";

    private final UserSessions sessions;
    private final SessionLimits limits;
    private final Predicate<Authentication> factorMissing;

    /**
     * @param factorMissing whether the authentication lacks a factor its user needs now (read from the database,
     *                      not from the session)
     */
    SessionValidationFilter(UserSessions sessions, SessionLimits limits,
                                   Predicate<Authentication> factorMissing) {
        this.sessions = sessions;
        this.limits = limits;
        this.factorMissing = factorMissing;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session == null || authentication == null
                || !(authentication.getPrincipal() instanceof AppUserPrincipal principal)) {
            chain.doFilter(request, response);
            return;
        }
        ClientInfo client = ClientInfoResolver.of(request);
        Optional<Instant> lastRecorded = validate(session, principal, client);
        Optional<SessionEndReason> reached = lastRecorded.isEmpty() ? Optional.of(SessionEndReason.ENDED_ELSEWHERE)
                : limits.reached(session::getAttribute).or(() -> lostFactor(session, authentication));
        if (reached.isPresent()) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            request.getSession(true).setAttribute(ENDED_NOTICE_ATTRIBUTE, reached.get());
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (isUserActivity(request)) {
                recordActivity(request, lastRecorded.get(), client);
            }
        }
    }

    /** Empty while the session has every factor, or has never had them all (it is at the code step). */
    private Optional<SessionEndReason> lostFactor(HttpSession session, Authentication authentication) {
        if (!factorMissing.test(authentication)) {
            if (session.getAttribute(ALL_FACTORS_ATTRIBUTE) == null) {
                session.setAttribute(ALL_FACTORS_ATTRIBUTE, Boolean.TRUE);
            }
            return Optional.empty();
        }
        return session.getAttribute(ALL_FACTORS_ATTRIBUTE) == null ? Optional.empty()
                : Optional.of(SessionEndReason.FACTOR_REQUIRED);
    }

    /** Vaadin's heartbeat only says the tab is open; the app's own checks mark themselves. */
    static boolean isUserActivity(HttpServletRequest request) {
        return !isHeartbeat(request.getQueryString()) && request.getAttribute(NOT_ACTIVITY_ATTRIBUTE) == null;
    }

    /** By the query string alone: {@code getParameter} could read (and use up) a request body. */
    static boolean isHeartbeat(String queryString) {
        if (queryString == null) {
            return false;
        }
        for (String parameter : queryString.split("&")) {
            if (parameter.equals("v-r=heartbeat")) {
                return true;
            }
        }
        return false;
    }

    /** @return when the registry last recorded activity, or empty when the session must end */
    private Optional<Instant> validate(HttpSession session, AppUserPrincipal principal, ClientInfo client) {
        String key = (String) session.getAttribute(UserSessions.KEY_ATTRIBUTE);
        if (key != null) {
            return sessions.continueSession(principal.userId(), principal.credentialVersion(), key);
        }
        // The first requests after sign-in may arrive together; register the session once.
        synchronized (WebUtils.getSessionMutex(session)) {
            key = (String) session.getAttribute(UserSessions.KEY_ATTRIBUTE);
            if (key != null) {
                return Optional.of(limits.now());
            }
            Optional<String> registered = sessions.register(principal.userId(), principal.credentialVersion(),
                    client);
            registered.ifPresent(k -> {
                Instant now = limits.now();
                session.setAttribute(SessionLimits.SIGNED_IN_AT_ATTRIBUTE, now);
                session.setAttribute(SessionLimits.LAST_ACTIVITY_ATTRIBUTE, now);
                session.setAttribute(UserSessions.KEY_ATTRIBUTE, k);
            });
            return registered.map(k -> limits.now());
        }
    }

    /** After the request: it may have signed out or moved to a new session id (sign-in steps). */
    private void recordActivity(HttpServletRequest request, Instant lastRecorded, ClientInfo client) {
        HttpSession session = request.getSession(false);
        try {
            if (session != null && session.getAttribute(UserSessions.KEY_ATTRIBUTE) instanceof String key) {
                session.setAttribute(SessionLimits.LAST_ACTIVITY_ATTRIBUTE, limits.now());
                sessions.recordActivity(key, lastRecorded, client);
            }
        } catch (IllegalStateException invalidated) {
            // Signed out during the request: nothing to record.
        }
    }
}
