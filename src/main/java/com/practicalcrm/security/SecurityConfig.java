package com.practicalcrm.security;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
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
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import com.practicalcrm.security.login.LoginView;
import com.practicalcrm.security.login.SignInThrottledException;
import com.practicalcrm.security.login.ThrottledAuthenticationProvider;
import com.practicalcrm.security.session.SessionValidationFilter;
import com.practicalcrm.security.session.UserSessions;
import com.practicalcrm.security.throttle.Throttle;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Form sign-in (the password factor) through Vaadin's security configurer. Multi-factor merging is switched on
 * with no globally required factor, so that a second factor can be required per user (users without 2FA go
 * straight in).
 */
@Configuration
@EnableWebSecurity
@EnableMultiFactorAuthentication(authorities = {})
public class SecurityConfig {

    /** OWASP Password Storage: Argon2id, 19 MiB, 2 iterations, parallelism 1. */
    static final String ARGON2_ID = "argon2id-19m-2i-1p";

    /** Route of the page that a password-reset link opens (the token follows as a path segment). */
    public static final String RESET_PASSWORD_PATH = "reset-password";

    /** Route of the page that asks for an email address to send a reset link to (linked from sign-in). */
    public static final String FORGOT_PASSWORD_PATH = "forgot-password";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserSessions sessions) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/styles.css", "/images/**").permitAll()
                // Profile pictures: for signed-in users only, answered with 401 rather than the sign-in page.
                .requestMatchers("/avatars/**").authenticated());
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), PathPatternRequestMatcher.pathPattern("/avatars/**")));
        // Ends sessions of changed credentials or signed out elsewhere before anything else looks at the user.
        http.addFilterAfter(new SessionValidationFilter(sessions), SecurityContextHolderFilter.class);
        // The reset link carries its token in the URL: never pass it on as a Referer.
        http.addFilterBefore(new NoReferrerFilter("/" + RESET_PASSWORD_PATH + "/"), SecurityContextHolderFilter.class);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
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

    /** Also publishes throttled sign-ins, so that they are recorded like other failures. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
        events.setAdditionalExceptionMappings(
                Map.of(SignInThrottledException.class, AuthenticationFailureLockedEvent.class));
        return events;
    }

    @Bean
    ThrottledAuthenticationProvider authenticationProvider(UserDetailsService users,
                                                           UserDetailsPasswordService passwordUpgrades,
                                                           PasswordEncoder encoder, Throttle throttle) {
        return new ThrottledAuthenticationProvider(users, passwordUpgrades, encoder, throttle);
    }
}
