package com.practicalcrm.signin.trust;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;

import com.practicalcrm.twofactor.SecondFactorPolicy;

/**
 * Puts {@link TrustedBrowserSignInFilter} into the security filter chain, before authorization decides, without the
 * central security configuration knowing this feature: Spring Security applies every {@code Customizer<HttpSecurity>}
 * bean to the {@code HttpSecurity} it hands out.
 */
@Configuration
class TrustedBrowserSignInConfiguration {

    @Bean
    Customizer<HttpSecurity> trustedBrowserSignIn(TrustedBrowsers trustedBrowsers, SecondFactorPolicy policy,
                                                   AuthenticationEventPublisher events) {
        return http -> {
            try {
                http.with(new Configurer(trustedBrowsers, policy, events), Customizer.withDefaults());
            } catch (Exception e) {
                throw new IllegalStateException("Cannot add the trusted-browser sign-in", e);
            }
        };
    }

    /** Reads the chain's shared objects at build time, when every other configurer has set them. */
    static final class Configurer extends AbstractHttpConfigurer<Configurer, HttpSecurity> {

        private final TrustedBrowsers trustedBrowsers;
        private final SecondFactorPolicy policy;
        private final AuthenticationEventPublisher events;

        Configurer(TrustedBrowsers trustedBrowsers, SecondFactorPolicy policy, AuthenticationEventPublisher events) {
            this.trustedBrowsers = trustedBrowsers;
            this.policy = policy;
            this.events = events;
        }

        @Override
        public void configure(HttpSecurity http) {
            SecurityContextRepository repository = http.getSharedObject(SecurityContextRepository.class);
            SessionAuthenticationStrategy sessionStrategy = http.getSharedObject(SessionAuthenticationStrategy.class);
            if (repository == null || sessionStrategy == null) {
                return; // a chain without sign-in (the metrics endpoint's)
            }
            http.addFilterBefore(new TrustedBrowserSignInFilter(trustedBrowsers, policy, getSecurityContextHolderStrategy(),
                    repository, sessionStrategy, events), AuthorizationFilter.class);
        }
    }
}
