package com.practicalcrm.sessions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.SecurityContextHolderFilter;

import com.practicalcrm.security.RequiredFactors;

/** Sessions' part of the filter chain, applied by Spring Security to the shared security configuration. */
@Configuration(proxyBeanMethods = false)
class SessionValidationConfiguration {

    /**
     * Ends sessions of changed credentials, signed out elsewhere, idle, too old or short of a factor their user
     * now needs, before anything else looks at the user.
     */
    @Bean
    Customizer<HttpSecurity> sessionValidation(UserSessions sessions, SessionLimits limits, RequiredFactors factors) {
        return http -> http.addFilterAfter(new SessionValidationFilter(sessions, limits, factors::isFactorMissing),
                SecurityContextHolderFilter.class);
    }
}
