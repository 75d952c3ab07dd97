package com.practicalcrm.passkeys;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.stereotype.Component;

import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.throttle.Throttle;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in with a passkey, on Spring Security's WebAuthn filters but configured here rather than by
 * {@code http.webAuthn()}: that configurer would add Spring's registration page and endpoints, keep Spring's
 * principal type and give the filter neither our session strategy (new session id, new CSRF token) nor our
 * redirect. Endpoints (both POST, both checked for the CSRF token, which the page's script sends as a header):
 * <ul>
 *     <li>{@value #OPTIONS_PATH}: a fresh challenge, kept in the HTTP session;</li>
 *     <li>{@value #SIGN_IN_PATH}: the browser's assertion; answers JSON {@code {authenticated, redirectUrl}} or
 *     401 with {@code {message, unknownCredentialId}}.</li>
 * </ul>
 * Adding, listing and removing passkeys go through the Vaadin views and {@link PasskeyService}, not HTTP endpoints.
 */
@Component
class PasskeySignIn implements Customizer<HttpSecurity> {

    static final String OPTIONS_PATH = "/webauthn/authenticate/options";
    static final String SIGN_IN_PATH = "/login/webauthn";
    /** The browser script ({@code META-INF/resources/passkeys/passkeys.js}). */
    static final String SCRIPT_PATH = "/passkeys/passkeys.js";

    private final PasskeyRelyingParty relyingParty;
    private final UserDetailsService accounts;
    private final Throttle throttle;
    private final SecurityEventService events;
    private final ClientInfoResolver clients;
    private final AuthenticationEventPublisher authenticationEvents;
    private final PasskeyMessages messages;

    PasskeySignIn(PasskeyRelyingParty relyingParty, UserDetailsService accounts, Throttle throttle,
                  SecurityEventService events, ClientInfoResolver clients,
                  AuthenticationEventPublisher authenticationEvents, PasskeyMessages messages) {
        this.relyingParty = relyingParty;
        this.accounts = accounts;
        this.throttle = throttle;
        this.events = events;
        this.clients = clients;
        this.authenticationEvents = authenticationEvents;
        this.messages = messages;
    }

    /** Applied by Spring Security to the filter chain (a {@code Customizer<HttpSecurity>} bean), before Vaadin's rules. */
    @Override
    public void customize(HttpSecurity http) {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(SCRIPT_PATH).permitAll());
        http.with(new Configurer(), Customizer.withDefaults());
    }

    private final class Configurer extends AbstractHttpConfigurer<Configurer, HttpSecurity> {

        @Override
        public void configure(HttpSecurity http) {
            PasskeyAuthenticationProvider provider = new PasskeyAuthenticationProvider(relyingParty, accounts,
                    throttle, events, clients);
            provider.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
            ProviderManager manager = new ProviderManager(provider);
            // Success events make the sign-in count like any other (activity list, metrics); refusals are
            // recorded here, so they publish nothing.
            manager.setAuthenticationEventPublisher(authenticationEvents);

            WebAuthnAuthenticationFilter signIn = new WebAuthnAuthenticationFilter();
            signIn.setAuthenticationManager(manager);
            // At the code step the passkey is the second factor: merge it into the password step.
            signIn.setMfaEnabled(true);
            signIn.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
            signIn.setSecurityContextRepository(http.getSharedObject(SecurityContextRepository.class));
            signIn.setSessionAuthenticationStrategy(http.getSharedObject(SessionAuthenticationStrategy.class));
            VaadinSavedRequestAwareAuthenticationSuccessHandler redirect =
                    new VaadinSavedRequestAwareAuthenticationSuccessHandler();
            RequestCache requestCache = http.getSharedObject(RequestCache.class);
            if (requestCache != null) {
                redirect.setRequestCache(requestCache);
            }
            signIn.setAuthenticationSuccessHandler(success(redirect));
            signIn.setAuthenticationFailureHandler(failure(messages));
            http.addFilterAfter(postProcess(signIn), UsernamePasswordAuthenticationFilter.class);

            PublicKeyCredentialRequestOptionsFilter options = new PublicKeyCredentialRequestOptionsFilter(relyingParty);
            options.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
            http.addFilterBefore(options, AuthorizationFilter.class);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Where the browser goes next is decided as after a password (the page first asked for, or home), but given to
     * the script as JSON instead of a redirect, as the request came from {@code fetch}.
     */
    static AuthenticationSuccessHandler success(AuthenticationSuccessHandler redirect) {
        return (request, response, authentication) -> {
            String[] target = new String[1];
            redirect.onAuthenticationSuccess(request, new HttpServletResponseWrapper(response) {
                @Override
                public void sendRedirect(String location) {
                    target[0] = location;
                }
            }, authentication);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("authenticated", true);
            body.put("redirectUrl", target[0] == null ? request.getContextPath() + "/" : target[0]);
            write(response, HttpServletResponse.SC_OK, body);
        };
    }

    static AuthenticationFailureHandler failure(PasskeyMessages messages) {
        return (request, response, exception) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", messages.signInRefused(exception));
            if (exception instanceof PasskeyRefusedException refused && refused.credentialId() != null) {
                body.put("unknownCredentialId", refused.credentialId());
            }
            write(response, HttpStatus.UNAUTHORIZED.value(), body);
        };
    }

    private static void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
