package com.practicalcrm;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.UserId;
import com.practicalcrm.security.AppUserPrincipal;

/** Creates real accounts through the service, each with a unique address, and signs them in for view tests. */
public class TestAccounts {

    public static final String PASSWORD = "velvet-compass-orchard-93";

    private final UserService users;
    private final Clock clock;

    public TestAccounts(UserService users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    }

    public UserProfile create(String fullName) {
        UserId id = users.register(fullName, uniqueEmail(fullName.split(" ")[0].toLowerCase()), PASSWORD,
                ClientInfo.UNKNOWN);
        return users.findProfile(id).orElseThrow();
    }

    /**
     * Signs the user in with the password factor, as the form login does, issued now by the test clock: for
     * "Confirm it's you" the user (without 2FA) has just confirmed it's them.
     */
    public void signIn(UserProfile profile) {
        signIn(profile, FactorGrantedAuthority.PASSWORD_AUTHORITY);
    }

    /** Signs the user in with these factors, each issued now by the test clock. */
    public void signIn(UserProfile profile, String... factors) {
        AppUserPrincipal principal = new AppUserPrincipal(profile.id(), profile.email().value(), null, 0);
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(AppUserPrincipal.ROLE_USER));
        for (String factor : factors) {
            authorities.add(FactorGrantedAuthority.withAuthority(factor).issuedAt(clock.instant()).build());
        }
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
    }

    /**
     * Runs {@code action} as the user just signed in (so just confirmed it's them, for an account without 2FA),
     * as a sensitive service call from their session would; the previous security context comes back afterwards.
     */
    public void actingAs(UserProfile profile, Runnable action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        try {
            signIn(profile);
            action.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void signOut() {
        SecurityContextHolder.clearContext();
    }
}
