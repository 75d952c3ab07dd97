package com.practicalcrm.signin;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

import com.practicalcrm.twofactor.SecondFactorPolicy;

/**
 * The result of a correct code: the user with the TOTP factor. Spring's multi-factor support merges it with the
 * password step through {@link #toBuilder()}, so the session ends up with roles and both factors.
 *
 * <p>{@link #notice()} carries a line for the person to the next page (recovery codes left, a clock hint); it is
 * transient, so it never outlives the request in a serialized session.
 */
public final class TwoFactorAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Object principal;
    private final transient String notice;

    private TwoFactorAuthentication(Object principal, Collection<? extends GrantedAuthority> authorities,
                                    String notice) {
        super(authorities);
        this.principal = principal;
        this.notice = notice;
        setAuthenticated(true);
    }

    private TwoFactorAuthentication(Builder builder) {
        super(builder);
        this.principal = builder.principal;
        this.notice = builder.notice;
    }

    static TwoFactorAuthentication of(Object principal, String notice) {
        return new TwoFactorAuthentication(principal,
                List.of(FactorGrantedAuthority.fromAuthority(SecondFactorPolicy.TOTP_AUTHORITY)), notice);
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    String notice() {
        return notice;
    }

    @Override
    public Builder toBuilder() {
        return new Builder(this);
    }

    public static final class Builder extends AbstractAuthenticationBuilder<Builder> {

        private Object principal;
        private final String notice;

        private Builder(TwoFactorAuthentication token) {
            super(token);
            this.principal = token.principal;
            this.notice = token.notice;
        }

        @Override
        public Builder principal(Object principal) {
            this.principal = principal;
            return this;
        }

        @Override
        public TwoFactorAuthentication build() {
            return new TwoFactorAuthentication(this);
        }
    }
}
