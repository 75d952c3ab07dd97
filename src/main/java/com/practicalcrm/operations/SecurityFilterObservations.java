package com.practicalcrm.operations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes nothing: with Micrometer present it would otherwise wrap each of the chain's filters
 * in observations (before and after, on every request), which cost about 8 % of the app's CPU time in the load
 * test and only fed {@code spring_security_*} timers that nobody reads. Requests are still timed as a whole
 * ({@code http_server_requests_seconds}), and sign-ins, codes and resets are counted by {@link SecurityMetrics}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityFilterObservations {

    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
