package com.practicalcrm.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Another way to sign in, contributed by a feature (passkeys) as a bean: the security configuration applies every
 * one to its filter chain without depending on the feature, so the feature may depend on security.
 */
public interface SignInMethod {

    /** Adds the method's endpoints and filters; called once, before Vaadin's own rules. */
    void configure(HttpSecurity http) throws Exception;
}
