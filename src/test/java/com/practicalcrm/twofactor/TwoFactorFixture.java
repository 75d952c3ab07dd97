package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import com.practicalcrm.common.UserId;
import com.practicalcrm.security.AppUserPrincipal;

/** Turns 2FA on for a test account the way the setup dialog does, and keeps what the user's app would know. */
public final class TwoFactorFixture {

    /** The secret as the authenticator app holds it, and the recovery codes as the user saved them. */
    public record Enabled(TotpSecret secret, List<String> recoveryCodes) {

        public String codeAt(Instant instant) {
            return Totp.codeAt(secret, instant);
        }
    }

    private TwoFactorFixture() {
    }

    /** Enables 2FA; the code of the current step is used up by this, as in real life. */
    public static Enabled enable(TwoFactorService service, Clock clock, UserId user) {
        TwoFactorSetup setup = startSetup(service, clock, user);
        TotpSecret secret = TotpSecret.fromBase32(setup.secretKey());
        TotpVerification verification = service.enable(user, setup, Totp.codeAt(secret, clock.instant()));
        assertThat(verification.isAccepted()).isTrue();
        return new Enabled(secret, setup.recoveryCodes());
    }

    /**
     * {@link TwoFactorService#startSetup} as the user's own session calls it, just after "Confirm it's you" (here: a
     * password factor issued now); the caller's security context comes back afterwards.
     */
    public static TwoFactorSetup startSetup(TwoFactorService service, Clock clock, UserId user) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext confirmed = SecurityContextHolder.createEmptyContext();
        confirmed.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new AppUserPrincipal(user, "fixture@test.example", null, 0), null,
                List.of(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                        .issuedAt(clock.instant()).build())));
        SecurityContextHolder.setContext(confirmed);
        try {
            return service.startSetup(user);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
