package com.practicalcrm.passkeys;

import java.io.Serial;
import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import com.practicalcrm.security.AppUserPrincipal;

/**
 * A verified passkey: our {@link AppUserPrincipal} (not Spring's {@code PublicKeyCredentialUserEntity}, see
 * spring-security #18105), so the current user, sessions and Vaadin's authentication context work as after a
 * password sign-in. Supports {@link #toBuilder()}, so at the code step Spring merges it into the password step.
 */
public final class PasskeyAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final AppUserPrincipal principal;

    PasskeyAuthentication(AppUserPrincipal principal, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.principal = principal;
        setAuthenticated(true);
    }

    private PasskeyAuthentication(Builder builder) {
        super(builder);
        this.principal = builder.principal;
    }

    @Override
    public AppUserPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Builder toBuilder() {
        return new Builder(this);
    }

    public static final class Builder extends AbstractAuthenticationBuilder<Builder> {

        private AppUserPrincipal principal;

        private Builder(PasskeyAuthentication token) {
            super(token);
            this.principal = token.principal;
        }

        @Override
        public Builder principal(Object principal) {
            this.principal = (AppUserPrincipal) principal;
            return this;
        }

        @Override
        public PasskeyAuthentication build() {
            return new PasskeyAuthentication(this);
        }
    }
}
