package com.practicalcrm.signin;

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
import com.practicalcrm.security.throttle.ThrottleAttempt;
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
        // Counted before the password is checked, so parallel guesses cannot all be checked (docs/security-rules.md).
        ThrottleAttempt attempt = throttle.attempt(
                Throttle.key(ThrottleScope.SIGN_IN_ADDRESS, clientAddress(authentication)),
                Throttle.key(ThrottleScope.SIGN_IN_ACCOUNT, account));
        if (attempt.refusedUntil().isPresent()) {
            throw new SignInThrottledException(attempt.refusedUntil().get());
        }
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (BadCredentialsException e) {
            throw e; // stays counted
        } catch (RuntimeException e) {
            attempt.release(); // e.g. a disabled account: no password was compared
            throw e;
        }
        attempt.succeeded(ThrottleScope.SIGN_IN_ACCOUNT);
        return result;
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
