package com.practicalcrm.security;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import jakarta.servlet.DispatcherType;

/**
 * The filter chain's shared part: Vaadin's security configurer, open resources, browser-protection headers,
 * password hashing. The features add their own parts as beans, so that this package never refers to them
 * (docs/design-decisions/DD001-packages-by-feature.md): a {@code Customizer<HttpSecurity>} (the sign-in steps,
 * session validation), applied by Spring Security to the chain before this class configures it, and a
 * {@code Customizer<VaadinSecurityConfigurer>} (the sign-in page). Multi-factor merging is switched on with no
 * globally required factor, so that the second factor is required per user (users without 2FA go straight in).
 */
@Configuration
@EnableWebSecurity
@EnableMultiFactorAuthentication(authorities = {})
public class SecurityConfig {

    /** OWASP Password Storage: Argon2id, 19 MiB, 2 iterations, parallelism 1. */
    static final String ARGON2_ID = "argon2id-19m-2i-1p";

    /** Route of the sign-in page (the sign-in feature's view). */
    public static final String LOGIN_PATH = "login";

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
    SecurityFilterChain securityFilterChain(HttpSecurity http,
                                            ObjectProvider<Customizer<VaadinSecurityConfigurer>> vaadinParts)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/styles.css", "/images/**").permitAll()
                // Profile pictures: for signed-in users only (with their second factor), 401 rather than sign-in.
                .requestMatchers("/avatars/**").authenticated());
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), PathPatternRequestMatcher.pathPattern("/avatars/**")));
        // These headers come from SecurityHeadersFilter, for every response (error pages included), so Spring
        // Security does not write them a second time; it keeps its Cache-Control and X-XSS-Protection: 0.
        http.headers(headers -> headers
                .contentTypeOptions(options -> options.disable())
                .frameOptions(options -> options.disable())
                .httpStrictTransportSecurity(hsts -> hsts.disable()));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadinParts.orderedStream()
                .forEach(part -> part.customize(vaadin)));
        return http.build();
    }

    /**
     * Vaadin's navigation access control (annotations on views, sign-in page from {@link VaadinSecurityConfigurer}),
     * built by Vaadin's own configurer; see {@link RequestRolesNavigationAccessControl} for the one difference.
     * Primary: Vaadin's auto-configuration defines its own unconditionally, and every user of the access control
     * (the service init listener that installs it, {@link VaadinSecurityConfigurer}) asks for one by type.
     */
    @Bean
    @Primary
    NavigationAccessControl requestRolesNavigationAccessControl(List<NavigationAccessChecker> checkers,
                                                                NavigationAccessControlConfigurer configurer) {
        return configurer.build(RequestRolesNavigationAccessControl::new, checkers);
    }

    /** {@code __Host-} session cookie over HTTPS; see {@link HostPrefixedSessionCookie}. */
    @Bean
    ServletContextInitializer hostPrefixedSessionCookie() {
        return new HostPrefixedSessionCookie();
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
}
