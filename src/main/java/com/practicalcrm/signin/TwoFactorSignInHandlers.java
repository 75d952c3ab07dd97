package com.practicalcrm.signin;

import java.io.IOException;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Where the browser goes after a code was posted. */
final class TwoFactorSignInHandlers {

    /** Session attribute with a line for the person, shown once on the next page (see the navigation guard). */
    static final String NOTICE_ATTRIBUTE = TwoFactorSignInHandlers.class.getName() + ".notice";

    private TwoFactorSignInHandlers() {
    }

    /** Keeps the success notice for the next page, then lets the framework redirect to the page asked for. */
    static AuthenticationSuccessHandler success(AuthenticationSuccessHandler redirect) {
        return (request, response, authentication) -> {
            if (authentication instanceof TwoFactorAuthentication twoFactor && twoFactor.notice() != null) {
                request.getSession().setAttribute(NOTICE_ATTRIBUTE, twoFactor.notice());
            }
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * A late code ends the half-signed-in session and sends the person to sign in again; any other refusal
     * goes back to the code page with the reason kept in the session, like the password step does.
     */
    static AuthenticationFailureHandler failure() {
        return new AuthenticationFailureHandler() {
            @Override
            public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                                AuthenticationException exception)
                    throws IOException, ServletException {
                if (exception instanceof SecondFactorExpiredException) {
                    new SecurityContextLogoutHandler().logout(request, response, null);
                    response.sendRedirect(request.getContextPath() + "/login?expired");
                    return;
                }
                request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, exception);
                boolean recovery = exception instanceof SecondFactorRejectedException rejected
                        && rejected.isRecoveryCode()
                        || exception instanceof SecondFactorThrottledException throttled && throttled.isRecoveryCode();
                response.sendRedirect(request.getContextPath() + TwoFactorCodeFilter.PATH + "?error"
                        + (recovery ? "&recovery" : ""));
            }
        };
    }
}
