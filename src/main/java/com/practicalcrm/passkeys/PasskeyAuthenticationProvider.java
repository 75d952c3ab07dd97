package com.practicalcrm.passkeys;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;

import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.security.AppUserPrincipal;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottleAttempt;
import com.practicalcrm.security.throttle.ThrottleScope;
import com.webauthn4j.verifier.exception.VerificationException;

/**
 * Signs in with a verified passkey: the account behind its user handle, as our {@link AppUserPrincipal}, with the
 * roles and {@code FACTOR_WEBAUTHN}. User verification is required, so that one factor counts as both (see
 * {@code SecondFactorPolicy}). Refused passkeys are counted per client address before they are checked.
 * At the code step the passkey must belong to the account whose password was just given.
 */
final class PasskeyAuthenticationProvider implements AuthenticationProvider {

    private final PasskeyRelyingParty relyingParty;
    private final UserDetailsService accounts;
    private final Throttle throttle;
    private final SecurityEventService events;
    private final ClientInfoResolver clients;
    private SecurityContextHolderStrategy contexts;

    PasskeyAuthenticationProvider(PasskeyRelyingParty relyingParty, UserDetailsService accounts, Throttle throttle,
                                  SecurityEventService events, ClientInfoResolver clients) {
        this.relyingParty = relyingParty;
        this.accounts = accounts;
        this.throttle = throttle;
        this.events = events;
        this.clients = clients;
    }

    void setSecurityContextHolderStrategy(SecurityContextHolderStrategy contexts) {
        this.contexts = contexts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        WebAuthnAuthenticationRequestToken request = (WebAuthnAuthenticationRequestToken) authentication;
        ClientInfo client = clients.current();
        ThrottleAttempt attempt = throttle.attempt(Throttle.key(ThrottleScope.PASSKEY_ADDRESS, client.address()));
        if (attempt.refusedUntil().isPresent()) {
            throw new PasskeyRefusedException(PasskeyRefusedException.Reason.THROTTLED, null,
                    attempt.refusedUntil().get());
        }
        PublicKeyCredentialUserEntity user;
        try {
            user = relyingParty.authenticate(request.getWebAuthnRequest());
        } catch (UnknownPasskeyException e) {
            throw new PasskeyRefusedException(PasskeyRefusedException.Reason.UNKNOWN,
                    e.credentialId().toBase64UrlString(), null);
        } catch (CounterWentBackwardsException e) {
            if (e.owner() != null) {
                events.record(e.owner(), SecurityEventType.PASSKEY_COUNTER_WENT_BACKWARDS, client);
            }
            throw PasskeyRefusedException.of(PasskeyRefusedException.Reason.COUNTER_WENT_BACKWARDS);
        } catch (VerificationException | IllegalArgumentException | IllegalStateException e) {
            throw PasskeyRefusedException.of(PasskeyRefusedException.Reason.NOT_VERIFIED);
        }
        AppUserPrincipal principal;
        try {
            if (!(accounts.loadUserByUsername(user.getName()) instanceof AppUserPrincipal loaded)
                    || !loaded.isEnabled()) {
                throw PasskeyRefusedException.of(PasskeyRefusedException.Reason.UNKNOWN);
            }
            principal = loaded;
        } catch (UsernameNotFoundException e) {
            throw PasskeyRefusedException.of(PasskeyRefusedException.Reason.UNKNOWN);
        }
        principal.eraseCredentials();
        Authentication current = contexts == null ? null : contexts.getContext().getAuthentication();
        if (current != null && new AuthenticationTrustResolverImpl().isAuthenticated(current)
                && current.getPrincipal() instanceof AppUserPrincipal signedIn && !signedIn.equals(principal)) {
            // The passkey is valid, but this is not the account the person is signing in to: no silent switch.
            attempt.release();
            throw PasskeyRefusedException.of(PasskeyRefusedException.Reason.OTHER_ACCOUNT);
        }
        attempt.succeeded();
        List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
        return new PasskeyAuthentication(principal, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }
}
