package com.practicalcrm.signin;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

import com.vaadin.flow.spring.security.RequestUtil;

/**
 * CSRF protection for the sign-in form post (login CSRF: another site must not be able to sign a browser into
 * the attacker's account). Vaadin's security configurer exempts the sign-in path from CSRF checks; it is switched
 * off there ({@code enableCsrfConfiguration(false)}) and this keeps only Vaadin's other exemption, its own
 * internal requests (UI events, heartbeats, uploads), which carry Vaadin's own security key instead.
 * <p>
 * Vaadin's bootstrap page puts the request's token into {@code <meta name="_csrf">} and
 * {@code <meta name="_csrf_parameter">}, and {@code vaadin-login-form} copies them into a hidden input of the
 * native form it posts; so {@link LoginView}'s form carries the token without further code.
 */
final class SignInFormCsrf {

    private SignInFormCsrf() {
    }

    public static void apply(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
    }
}
