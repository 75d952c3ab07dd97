package com.practicalcrm.signin.trust;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import com.practicalcrm.security.AppUserPrincipal;
import com.practicalcrm.twofactor.SecondFactorPolicy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Skips the code step on a remembered browser: a session that has just passed the password step (within the code
 * step's five minutes) and sends a valid remembered-browser cookie of the same account gets the TOTP factor, a new
 * session id and CSRF token, and the usual success event (recorded as a sign-in). Anything else goes on untouched,
 * to the code page as before.
 */
final class TrustedBrowserSignInFilter extends OncePerRequestFilter {

    /**
     * The code factor of a remembered browser. No code was typed in this sign-in, so the factor carries no fresh
     * issue time: "Confirm it's you" (which counts only a code or a passkey from the last minutes when 2FA is on)
     * still asks for a code before a sensitive change, so a stolen password on a remembered browser cannot
     * turn 2FA off.
     */
    static final FactorGrantedAuthority REMEMBERED_CODE = FactorGrantedAuthority
            .withAuthority(SecondFactorPolicy.TOTP_AUTHORITY).issuedAt(Instant.EPOCH).build();

    private final TrustedBrowsers trustedBrowsers;
    private final SecondFactorPolicy policy;
    private final SecurityContextHolderStrategy contexts;
    private final SecurityContextRepository repository;
    private final SessionAuthenticationStrategy sessionStrategy;
    private final AuthenticationEventPublisher events;

    TrustedBrowserSignInFilter(TrustedBrowsers trustedBrowsers, SecondFactorPolicy policy,
                               SecurityContextHolderStrategy contexts, SecurityContextRepository repository,
                               SessionAuthenticationStrategy sessionStrategy, AuthenticationEventPublisher events) {
        this.trustedBrowsers = trustedBrowsers;
        this.policy = policy;
        this.contexts = contexts;
        this.repository = repository;
        this.sessionStrategy = sessionStrategy;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = contexts.getContext().getAuthentication();
        // The cheap checks first: this runs on every request, and only the last one asks the database.
        if (current != null && current.getPrincipal() instanceof AppUserPrincipal principal
                && policy.isPasswordStepFresh(current)) {
            Optional<String> token = TrustCookies.TRUSTED_BROWSER.read(request);
            if (token.isPresent() && policy.isSecondFactorMissing(current)
                    && trustedBrowsers.use(principal.userId(), token.get())) {
                Authentication upgraded = current.toBuilder()
                        .authorities(authorities -> authorities.add(REMEMBERED_CODE))
                        .build();
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(upgraded);
                contexts.setContext(context);
                sessionStrategy.onAuthentication(upgraded, request, response);
                repository.saveContext(context, request, response);
                events.publishAuthenticationSuccess(upgraded);
            }
        }
        chain.doFilter(request, response);
    }
}
