package com.practicalcrm.signin;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;

import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;

/**
 * Adds the second sign-in step to the filter chain. The filter gets the chain's own security context repository
 * (without it the merged authentication would live for one request only) and session strategy (new session id,
 * new CSRF token), and goes through {@code postProcess} so that multi-factor merging applies to it.
 */
final class TwoFactorSignInConfigurer extends AbstractHttpConfigurer<TwoFactorSignInConfigurer, HttpSecurity> {

    private final TwoFactorCodeAuthenticationProvider provider;
    private final AuthenticationEventPublisher events;

    public TwoFactorSignInConfigurer(TwoFactorCodeAuthenticationProvider provider, AuthenticationEventPublisher events) {
        this.provider = provider;
        this.events = events;
    }

    @Override
    public void configure(HttpSecurity http) {
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        TwoFactorCodeFilter filter = new TwoFactorCodeFilter(manager);
        // This filter only ever adds a second factor: it must merge into the password step, never replace it.
        filter.setMfaEnabled(true);
        // The chain's strategy (Vaadin's), so the filter sees the password step it is to merge with.
        filter.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
        filter.setSecurityContextRepository(http.getSharedObject(SecurityContextRepository.class));
        filter.setSessionAuthenticationStrategy(http.getSharedObject(SessionAuthenticationStrategy.class));
        VaadinSavedRequestAwareAuthenticationSuccessHandler redirect =
                new VaadinSavedRequestAwareAuthenticationSuccessHandler();
        RequestCache requestCache = http.getSharedObject(RequestCache.class);
        if (requestCache != null) {
            redirect.setRequestCache(requestCache);
        }
        filter.setAuthenticationSuccessHandler(TwoFactorSignInHandlers.success(redirect));
        filter.setAuthenticationFailureHandler(TwoFactorSignInHandlers.failure());
        http.addFilterAfter(postProcess(filter), UsernamePasswordAuthenticationFilter.class);
    }
}
