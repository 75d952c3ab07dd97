package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.practicalcrm.common.UserId;

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
        TwoFactorSetup setup = service.startSetup(user);
        TotpSecret secret = TotpSecret.fromBase32(setup.secretKey());
        TotpVerification verification = service.enable(user, setup, Totp.codeAt(secret, clock.instant()));
        assertThat(verification.isAccepted()).isTrue();
        return new Enabled(secret, setup.recoveryCodes());
    }
}
