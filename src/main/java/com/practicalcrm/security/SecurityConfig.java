package com.practicalcrm.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import com.practicalcrm.security.login.AccountNotConfirmedException;
import com.practicalcrm.security.login.LoginView;
import com.practicalcrm.security.login.SignInFormCsrf;
import com.practicalcrm.security.login.SignInThrottledException;
import com.practicalcrm.security.login.ThrottledAuthenticationProvider;
import com.practicalcrm.security.session.SessionLimits;
import com.practicalcrm.security.session.SessionValidationFilter;
import com.practicalcrm.security.session.UserSessions;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.twofactor.SecondFactorPolicy;
import com.practicalcrm.security.twofactor.TwoFactorService;
import com.practicalcrm.security.twofactor.signin.TwoFactorCodeAuthenticationProvider;
import com.practicalcrm.security.twofactor.signin.TwoFactorCodeFilter;
import com.practicalcrm.security.twofactor.signin.TwoFactorSignInConfigurer;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import jakarta.servlet.DispatcherType;

/**
 * Form sign-in (the password factor) through Vaadin's security configurer, then for users with 2FA a second
 * step ({@code FACTOR_TOTP}) at {@code /login/code}. Multi-factor merging is switched on with no globally
 * required factor, so that the second factor is required per user (users without 2FA go straight in).
 */
@Configuration
@EnableWebSecurity
@EnableMultiFactorAuthentication(authorities = {})
public class SecurityConfig {

    /** OWASP Password Storage: Argon2id, 19 MiB, 2 iterations, parallelism 1. */
    static final String ARGON2_ID = "argon2id-19m-2i-1p";

    /** Route of the page that a password-reset link opens (the token follows as a path segment). */
    public static final String RESET_PASSWORD_PATH = "reset-password";

    /** Route of the page that the link mailed at sign-up opens (the token follows as {@code ?token=}). */
    public static final String CONFIRM_ACCOUNT_PATH = "confirm-account";

    /** Route of the page that asks for an email address to send a reset link to (linked from sign-in). */
    public static final String FORGOT_PASSWORD_PATH = "forgot-password";

    /** Route of the page that the "This wasn't me" link of a new-sign-in alert opens (token as {@code ?token=}). */
    public static final String THIS_WASNT_ME_PATH = "this-wasnt-me";

    /** Route of the page that an email-change link opens (the token follows as a query parameter). */
    public static final String CONFIRM_EMAIL_PATH = "confirm-email";

    /**
     * The browser-protection headers on every response, before anything else runs (also Spring Security, the
     * database-outage page and error dispatches). The reset, email-change and sign-up links carry their token in the
     * URL: those pages get {@code Referrer-Policy: no-referrer}.
     */
    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
                new SecurityHeadersFilter(List.of("/" + RESET_PASSWORD_PATH + "/", "/" + CONFIRM_EMAIL_PATH,
                        "/" + CONFIRM_ACCOUNT_PATH, "/" + THIS_WASNT_ME_PATH)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC,
                DispatcherType.FORWARD);
        return registration;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserSessions sessions, SessionLimits sessionLimits,
                                            SecondFactorPolicy secondFactor,
                                            TwoFactorService twoFactor,
                                            AuthenticationEventPublisher events,
                                            RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/styles.css", "/images/**").permitAll()
                // Before Vaadin's rules: the code page must not itself demand the code it asks for.
                .requestMatchers(TwoFactorCodeFilter.PATH).access(secondFactor.codePageRule())
                // Profile pictures: for signed-in users only (with their second factor), 401 rather than sign-in.
                .requestMatchers("/avatars/**").authenticated());
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), PathPatternRequestMatcher.pathPattern("/avatars/**")));
        // A request that lacks only the TOTP factor goes to the code page (the request is saved for afterwards).
        http.exceptionHandling(exceptions -> exceptions.defaultDeniedHandlerForMissingAuthority(
                new LoginUrlAuthenticationEntryPoint(TwoFactorCodeFilter.PATH), SecondFactorPolicy.TOTP_AUTHORITY));
        http.with(new TwoFactorSignInConfigurer(new TwoFactorCodeAuthenticationProvider(twoFactor, secondFactor),
                events), Customizer.withDefaults());
        // Ends sessions of changed credentials, signed out elsewhere, idle, too old or short of a factor their user
        // now needs, before anything else looks at the user.
        http.addFilterAfter(new SessionValidationFilter(sessions, sessionLimits,
                secondFactor::isSecondFactorMissing), SecurityContextHolderFilter.class);
        // These headers come from SecurityHeadersFilter, for every response (error pages included), so Spring
        // Security does not write them a second time; it keeps its Cache-Control and X-XSS-Protection: 0.
        http.headers(headers -> headers
                .contentTypeOptions(options -> options.disable())
                .frameOptions(options -> options.disable())
                .httpStrictTransportSecurity(hsts -> hsts.disable()));
        // Vaadin would exempt the sign-in form post from CSRF checks: keep only its internal requests exempt.
        SignInFormCsrf.apply(http, vaadinRequests);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .enableCsrfConfiguration(false));
        return http.build();
    }

    /** {@code __Host-} session cookie over HTTPS; see {@link HostPrefixedSessionCookie}. */
    @Bean
    ServletContextInitializer hostPrefixedSessionCookie() {
        return new HostPrefixedSessionCookie();
    }

    /**
     * Every {@code authenticated()} rule (Vaadin's and any endpoint's) also asks for the TOTP factor from users
     * who have 2FA on; users without 2FA are not affected, and {@code permitAll} resources stay open.
     */
    @Bean
    DefaultAuthorizationManagerFactory<Object> authorizationManagerFactory(SecondFactorPolicy secondFactor) {
        DefaultAuthorizationManagerFactory<Object> factory = new DefaultAuthorizationManagerFactory<>();
        factory.setAdditionalAuthorization(secondFactor.requirement());
        return factory;
    }

    /**
     * Hashes carry their encoder id, so parameters can be raised later under a new id; Spring re-hashes a
     * password with the current encoder at the user's next successful sign-in.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        return new DelegatingPasswordEncoder(ARGON2_ID, Map.of(ARGON2_ID, argon2));
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
