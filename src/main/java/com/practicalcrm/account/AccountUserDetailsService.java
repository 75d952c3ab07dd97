package com.practicalcrm.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.account.repository.UserRepository;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.security.AppUserPrincipal;

/** Loads accounts for the password step and stores re-hashed passwords when the hashing parameters rise. */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final UserRepository users;

    public AccountUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        if (!EmailAddress.isValidInput(username)) {
            throw new UsernameNotFoundException("No such account");
        }
        return users.findCredentials(EmailAddress.of(username))
                .map(c -> new AppUserPrincipal(c.id(), c.email().value(), c.passwordHash(), c.credentialVersion(),
                        c.emailConfirmed()))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        AppUserPrincipal principal = (AppUserPrincipal) user;
        users.updatePasswordHash(principal.userId(), principal.getPassword(), newPasswordHash);
        return new AppUserPrincipal(principal.userId(), principal.getUsername(), newPasswordHash,
                principal.credentialVersion(), principal.isEnabled());
    }
}
