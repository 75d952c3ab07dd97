package com.practicalcrm.signin;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ThrowingCustomizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.twofactor.SecondFactorPolicy;
import com.practicalcrm.twofactor.TwoFactorService;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Sign-in's part of the filter chain: the password step (form sign-in through Vaadin's security configurer, with
 * {@link LoginView} as its page) and, for users with 2FA, the code step ({@code FACTOR_TOTP}) at
 * {@value TwoFactorCodeFilter#PATH}. Contributed as beans that the shared security configuration applies, so that
 * it does not refer to this package.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    @Bean
    Customizer<HttpSecurity> signInSteps(SecondFactorPolicy secondFactor, TwoFactorService twoFactor,
                                         AuthenticationEventPublisher events, RequestUtil vaadinRequests) {
        ThrowingCustomizer<HttpSecurity> steps = http -> {
            // Before Vaadin's rules: the code page must not itself demand the code it asks for.
            http.authorizeHttpRequests(requests -> requests
                    .requestMatchers(TwoFactorCodeFilter.PATH).access(secondFactor.codePageRule()));
            // A request that lacks only the TOTP factor goes to the code page (the request is saved for afterwards).
            http.exceptionHandling(exceptions -> exceptions.defaultDeniedHandlerForMissingAuthority(
                    new LoginUrlAuthenticationEntryPoint(TwoFactorCodeFilter.PATH), SecondFactorPolicy.TOTP_AUTHORITY));
            http.with(new TwoFactorSignInConfigurer(new TwoFactorCodeAuthenticationProvider(twoFactor, secondFactor),
                    events), Customizer.withDefaults());
            // Vaadin would exempt the sign-in form post from CSRF checks: keep only its internal requests exempt.
            SignInFormCsrf.apply(http, vaadinRequests);
        };
        return steps;
    }

    /** The sign-in page of Vaadin's configurer; its CSRF exemption of the form post is off (see SignInFormCsrf). */
    @Bean
    Customizer<VaadinSecurityConfigurer> signInPage() {
        return vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false);
    }

    /** Also publishes throttled and unconfirmed sign-ins, so that they are recorded like other failures. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
        events.setAdditionalExceptionMappings(Map.of(
                SignInThrottledException.class, AuthenticationFailureLockedEvent.class,
                AccountNotConfirmedException.class, AuthenticationFailureDisabledEvent.class));
        return events;
    }

    @Bean
    ThrottledAuthenticationProvider authenticationProvider(UserDetailsService users,
                                                           UserDetailsPasswordService passwordUpgrades,
                                                           PasswordEncoder encoder, Throttle throttle) {
        return new ThrottledAuthenticationProvider(users, passwordUpgrades, encoder, throttle);
    }
}
