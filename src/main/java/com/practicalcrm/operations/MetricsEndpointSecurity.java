package com.practicalcrm.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /actuator/prometheus} is for the metrics scraper only: HTTP basic authentication with
 * {@code practicalcrm.metrics.username} / {@code practicalcrm.metrics.password}, no session, and without a password
 * nobody gets in. A chain of its own, before the app's, so that scrapes neither count as sign-ins nor touch the
 * sign-in throttle, and a wrong scraper password is a plain 401.
 */
@Configuration(proxyBeanMethods = false)
class MetricsEndpointSecurity {

    static final String PATH = "/actuator/prometheus";
    static final String AUTHORITY = "METRICS_SCRAPE";

    @Bean
    @Order(1)
    SecurityFilterChain metricsEndpointChain(HttpSecurity http,
                                             @Value("${practicalcrm.metrics.username:prometheus}") String username,
                                             @Value("${practicalcrm.metrics.password:}") String password)
            throws Exception {
        http.securityMatcher(PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(AUTHORITY))
                // A bare 401: sendError would forward to the app's error page, which sends browsers to sign in.
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, failure) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"metrics\"");
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                }))
                .authenticationManager(new ProviderManager(new ScraperCredentials(username, password)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** One fixed user; an empty configured password matches nothing. */
    static final class ScraperCredentials implements AuthenticationProvider {

        private final byte[] expected;

        ScraperCredentials(String username, String password) {
            this.expected = password == null || password.isEmpty() ? null : digest(username + "\0" + password);
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String given = authentication.getName() + "\0" + authentication.getCredentials();
            // Digests compared in constant time: neither length nor content leak through timing.
            if (expected == null || !MessageDigest.isEqual(expected, digest(given))) {
                throw new BadCredentialsException("Wrong metrics credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
                    List.of(new SimpleGrantedAuthority(AUTHORITY)));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }

        private static byte[] digest(String value) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
