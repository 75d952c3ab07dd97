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
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottleScope;

/**
 * The password step: Spring's {@link DaoAuthenticationProvider} (which also adds the password factor and
 * upgrades old hashes) behind a throttle per account and per client address.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final Throttle throttle;

    public ThrottledAuthenticationProvider(UserDetailsService users, UserDetailsPasswordService passwordUpgrades,
                                           PasswordEncoder encoder, Throttle throttle) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.passwords.setUserDetailsPasswordService(passwordUpgrades);
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

    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
