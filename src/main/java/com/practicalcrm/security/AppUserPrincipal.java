package com.practicalcrm.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import com.practicalcrm.common.UserId;

/**
 * The signed-in account as Spring Security keeps it in the session: its id and email, no profile data, and the
 * credential version read together with the password hash it was checked against. A session whose version is
 * behind the account's (after a password reset) is ended on its next request.
 */
public final class AppUserPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;
    public static final String ROLE_USER = "ROLE_USER";

    private final long userId;
    private final String email;
    private final int credentialVersion;
    private final boolean emailConfirmed;
    private String passwordHash;

    /** An account whose address is confirmed. */
    public AppUserPrincipal(UserId userId, String email, String passwordHash, int credentialVersion) {
        this(userId, email, passwordHash, credentialVersion, true);
    }

    /**
     * @param emailConfirmed false for an account whose address is not proved yet: the password step refuses it
     *                       (see {@link #isEnabled()}), but only after checking the password
     */
    public AppUserPrincipal(UserId userId, String email, String passwordHash, int credentialVersion,
                            boolean emailConfirmed) {
        this.userId = userId.value();
        this.email = email;
        this.passwordHash = passwordHash;
        this.credentialVersion = credentialVersion;
        this.emailConfirmed = emailConfirmed;
    }

    public UserId userId() {
        return new UserId(userId);
    }

    public int credentialVersion() {
        return credentialVersion;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(ROLE_USER));
    }

    /**
     * False until the account's address is confirmed. Spring checks this before the password by default; the
     * password step checks it after the password instead, so that only someone who knows the password learns that
     * the address is unconfirmed.
     */
    @Override
    public boolean isEnabled() {
        return emailConfirmed;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AppUserPrincipal p && p.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "AppUserPrincipal[userId=" + userId + "]";
    }
}
