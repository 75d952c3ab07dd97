package com.practicalcrm.security.login;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottleScope;

/**
 * The password step: Spring's {@link DaoAuthenticationProvider} (which also adds the password factor and
 * upgrades old hashes) behind a throttle per account and per client address. A correct password of an account
 * whose address is not confirmed yet is refused with {@link AccountNotConfirmedException}.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final Throttle throttle;

    public ThrottledAuthenticationProvider(UserDetailsService users, UserDetailsPasswordService passwordUpgrades,
                                           PasswordEncoder encoder, Throttle throttle) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.passwords.setUserDetailsPasswordService(passwordUpgrades);
        // Spring refuses a disabled account before checking the password, which would tell anyone that the address
        // has an unconfirmed account. Here the password is checked first; only then is the address looked at.
        this.passwords.setPreAuthenticationChecks(ThrottledAuthenticationProvider::noChecksBeforeThePassword);
        this.passwords.setPostAuthenticationChecks(ThrottledAuthenticationProvider::requireConfirmedAddress);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String account = EmailAddress.normalize(authentication.getName());
        String address = clientAddress(authentication);
        Optional<Instant> retryAt = Stream.of(
                        throttle.blockedUntil(ThrottleScope.SIGN_IN_ACCOUNT, account),
                        address == null ? Optional.<Instant>empty()
                                : throttle.blockedUntil(ThrottleScope.SIGN_IN_ADDRESS, address))
                .flatMap(Optional::stream)
                .max(Instant::compareTo);
        if (retryAt.isPresent()) {
            throw new SignInThrottledException(retryAt.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.clear(ThrottleScope.SIGN_IN_ACCOUNT, account);
            return result;
        } catch (BadCredentialsException e) {
            throttle.recordFailure(ThrottleScope.SIGN_IN_ACCOUNT, account);
            if (address != null) {
                throttle.recordFailure(ThrottleScope.SIGN_IN_ADDRESS, address);
            }
            throw e;
        }
    }

    private static void noChecksBeforeThePassword(UserDetails user) {
        // Accounts are never locked or expired; the unconfirmed address is checked after the password.
    }

    private static void requireConfirmedAddress(UserDetails user) {
        if (!user.isEnabled()) {
            throw new AccountNotConfirmedException(user.getUsername());
        }
    }

    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
