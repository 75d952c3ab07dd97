package com.practicalcrm.signin.trust;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.security.AppUserPrincipal;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.twofactor.SecondFactorPolicy;
import com.practicalcrm.signin.TwoFactorCodeView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * When a sign-in is complete (every factor the user needs): remembers the browser if the code form's check box
 * asked for it, and checks the device cookie for the new-sign-in alert. Spring publishes the success event before
 * the success handler redirects, so the response can still take cookies.
 */
@Component
class SignInCookies {

    private final SecondFactorPolicy secondFactor;
    private final TrustedBrowsers trustedBrowsers;
    private final NewSignInAlerts alerts;

    SignInCookies(SecondFactorPolicy secondFactor, TrustedBrowsers trustedBrowsers, NewSignInAlerts alerts) {
        this.secondFactor = secondFactor;
        this.trustedBrowsers = trustedBrowsers;
        this.alerts = alerts;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof AppUserPrincipal principal)
                || secondFactor.isSecondFactorMissing(event.getAuthentication())
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
                || attributes.getResponse() == null) {
            return;
        }
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        ClientInfo client = ClientInfoResolver.of(request);
        if (isCodeStep(request) && request.getParameter(TwoFactorCodeView.REMEMBER_BROWSER_PARAMETER) != null) {
            TrustCookies.TRUSTED_BROWSER.write(request, response, trustedBrowsers.remember(principal.userId(), client));
        }
        String device = alerts.signedIn(principal.userId(), TrustCookies.DEVICE.read(request).orElse(null), client);
        TrustCookies.DEVICE.write(request, response, device);
    }

    private static boolean isCodeStep(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && (request.getContextPath() + TwoFactorCodeView.CODE_STEP_PATH).equals(request.getRequestURI());
    }
}
