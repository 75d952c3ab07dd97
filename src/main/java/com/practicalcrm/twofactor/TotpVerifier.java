package com.practicalcrm.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.regex.Pattern;

import com.practicalcrm.twofactor.TotpVerification.Outcome;

/**
 * Checks a code typed by the user against a secret: the current 30-second step and one step on each side are
 * accepted (RFC 6238 section 5.2), which covers a phone clock off by up to 30 seconds and the time it takes to
 * type the code.
 */
final class TotpVerifier {

    private static final Pattern WELL_FORMED_CODE = Pattern.compile("[0-9]{" + Totp.DIGITS + "}");
    // Apps show "123 456"; people copy it with the space, or with a non-breaking one from a password manager.
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]");
    // Current step first, so that in the rare case of two steps sharing a code the current one wins.
    private static final long[] STEP_OFFSETS = {0, -1, +1};
    private static final long NO_STEP_USED_YET = Long.MIN_VALUE;

    private final Clock clock;

    public TotpVerifier(Clock clock) {
        this.clock = clock;
    }

    /** False when the input cannot be a code at all (too few digits, a letter): nothing would be compared. */
    static boolean isWellFormed(String code) {
        return WELL_FORMED_CODE.matcher(digitsOf(code)).matches();
    }

    private static String digitsOf(String code) {
        return code == null ? "" : SPACES.matcher(code).replaceAll("");
    }

    /** For a secret that has never been used, i.e. the confirmation code while setting up 2FA. */
    public TotpVerification verify(TotpSecret secret, String code) {
        return verify(secret, code, NO_STEP_USED_YET);
    }

    /**
     * @param lastUsedStep the step of the last code this account used; codes of this step or older are refused
     *                     as {@link Outcome#ALREADY_USED}, even if they never were used, so steps only move forward
     */
    public TotpVerification verify(TotpSecret secret, String code, long lastUsedStep) {
        String digits = digitsOf(code);
        if (!WELL_FORMED_CODE.matcher(digits).matches()) {
            return TotpVerification.rejected(Outcome.MALFORMED);
        }
        byte[] entered = digits.getBytes(StandardCharsets.US_ASCII);
        byte[] key = secret.bytes();
        long currentStep = Totp.timeStep(clock.instant());
        boolean anyMatch = false;
        boolean accepted = false;
        long acceptedStep = 0;
        // Every candidate is computed and compared, whatever the earlier ones gave, so the time taken does not
        // tell an attacker which step (if any) a guess hit.
        for (long offset : STEP_OFFSETS) {
            long step = currentStep + offset;
            byte[] expected = Totp.hotp(key, step, Totp.DIGITS).getBytes(StandardCharsets.US_ASCII);
            boolean match = MessageDigest.isEqual(expected, entered);
            anyMatch |= match;
            if (match && step > lastUsedStep && !accepted) {
                accepted = true;
                acceptedStep = step;
            }
        }
        Arrays.fill(key, (byte) 0);
        if (accepted) {
            return TotpVerification.accepted(acceptedStep, acceptedStep == currentStep);
        }
        return TotpVerification.rejected(anyMatch ? Outcome.ALREADY_USED : Outcome.INVALID);
    }
}
