package com.practicalcrm.signin;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Step two of sign-in as a Spring Security filter (like Spring's one-time-token login): the code page posts a
 * plain form here, so CSRF protection, session id renewal, factor merging, events and the redirect to the page
 * first asked for all come from the framework.
 */
final class TwoFactorCodeFilter extends AbstractAuthenticationProcessingFilter {

    public static final String PATH = "/login/code";
    static final String CODE_PARAMETER = "code";
    static final String RECOVERY_CODE_PARAMETER = "recovery-code";
    /** The code form's "Remember this browser for 30 days" check box (see the trusted-browser feature). */
    public static final String REMEMBER_BROWSER_PARAMETER = "remember-browser";

    private SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    TwoFactorCodeFilter(AuthenticationManager authenticationManager) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH), authenticationManager);
    }

    @Override
    public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy strategy) {
        super.setSecurityContextHolderStrategy(strategy);
        this.contexts = strategy;
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response)
            throws AuthenticationException {
        Authentication passwordStep = contexts.getContext().getAuthentication();
        if (passwordStep == null || !new AuthenticationTrustResolverImpl().isAuthenticated(passwordStep)) {
            throw new InsufficientAuthenticationException("Sign in with your password first");
        }
        String recoveryCode = request.getParameter(RECOVERY_CODE_PARAMETER);
        boolean recovery = recoveryCode != null;
        TwoFactorCodeRequest codeRequest = new TwoFactorCodeRequest(passwordStep,
                recovery ? recoveryCode : request.getParameter(CODE_PARAMETER), recovery);
        codeRequest.setDetails(authenticationDetailsSource.buildDetails(request));
        return getAuthenticationManager().authenticate(codeRequest);
    }
}
