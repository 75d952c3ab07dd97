package com.practicalcrm;

import java.util.List;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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

    public TestAccounts(UserService users) {
        this.users = users;
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    }

    public UserProfile create(String fullName) {
        UserId id = users.register(fullName, uniqueEmail(fullName.split(" ")[0].toLowerCase()), PASSWORD,
                ClientInfo.UNKNOWN);
        return users.findProfile(id).orElseThrow();
    }

    /** Signs the user in with the password factor, as the form login does. */
    public void signIn(UserProfile profile) {
        AppUserPrincipal principal = new AppUserPrincipal(profile.id(), profile.email().value(), null, 0);
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority(AppUserPrincipal.ROLE_USER),
                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
    }

    public void signOut() {
        SecurityContextHolder.clearContext();
    }
}
