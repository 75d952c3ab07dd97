package com.practicalcrm;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import com.practicalcrm.common.UserId;
import com.practicalcrm.security.AppUserPrincipal;

/**
 * Runs a sensitive service call as the user would from a session that has just confirmed it's them with the
 * password and an authenticator code (both factors issued now by the test clock), so it counts with or without 2FA.
 * The previous security context comes back afterwards.
 */
public final class ConfirmedActions {

    private ConfirmedActions() {
    }

    public static void run(UserId user, String email, Clock clock, Runnable action) {
        get(user, email, clock, () -> {
            action.run();
            return null;
        });
    }

    public static <T> T get(UserId user, String email, Clock clock, Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority(AppUserPrincipal.ROLE_USER),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                        .issuedAt(clock.instant()).build(),
                FactorGrantedAuthority.withAuthority("FACTOR_TOTP").issuedAt(clock.instant()).build());
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new AppUserPrincipal(user, email, null, 0), null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
