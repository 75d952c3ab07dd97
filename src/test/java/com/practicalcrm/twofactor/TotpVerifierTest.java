package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.practicalcrm.twofactor.TotpVerification.Outcome;

class TotpVerifierTest {

    private static final TotpSecret SECRET =
            TotpSecret.fromBytes("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private static final long STEP = 40_000_000L;
    private static final Instant FIRST_INSTANT_OF_STEP = Instant.ofEpochSecond(STEP * 30);
    private static final Instant LAST_INSTANT_OF_STEP = FIRST_INSTANT_OF_STEP.plusSeconds(30).minusNanos(1);

    @Test
    void verifyWhenCodeIsFromCurrentStepThenAccepted() {
        TotpVerification result = verifierAt(FIRST_INSTANT_OF_STEP).verify(SECRET, codeOf(STEP));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(result.isAccepted()).isTrue();
        assertThat(result.matchedStep()).isEqualTo(STEP);
        assertThat(result.message()).isEmpty();
    }

    @Test
    void verifyWhenCodeIsFromCurrentStepAtItsLastInstantThenAccepted() {
        TotpVerification result = verifierAt(LAST_INSTANT_OF_STEP).verify(SECRET, codeOf(STEP));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void verifyWhenCodeIsFromPreviousStepThenAcceptedWithClockHint() {
        TotpVerification result = verifierAt(FIRST_INSTANT_OF_STEP).verify(SECRET, codeOf(STEP - 1));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED_CLOCK_SKEW);
        assertThat(result.isAccepted()).isTrue();
        assertThat(result.matchedStep()).isEqualTo(STEP - 1);
        assertThat(result.message()).contains(TotpVerification.CLOCK_SKEW_HINT);
    }

    @Test
    void verifyWhenCodeIsFromNextStepThenAcceptedWithClockHint() {
        TotpVerification result = verifierAt(LAST_INSTANT_OF_STEP).verify(SECRET, codeOf(STEP + 1));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED_CLOCK_SKEW);
        assertThat(result.matchedStep()).isEqualTo(STEP + 1);
    }

    @Test
    void verifyWhenCodeIsTwoStepsOldThenInvalidEvenAtFirstInstantOfStep() {
        TotpVerification result = verifierAt(FIRST_INSTANT_OF_STEP).verify(SECRET, codeOf(STEP - 2));

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(result.isAccepted()).isFalse();
        assertThat(result.message()).contains(TotpVerification.INVALID_MESSAGE);
    }

    @Test
    void verifyWhenCodeIsTwoStepsAheadThenInvalidEvenAtLastInstantOfStep() {
        TotpVerification result = verifierAt(LAST_INSTANT_OF_STEP).verify(SECRET, codeOf(STEP + 2));

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void verifyWhenCodeIsFromAnotherSecretThenInvalid() {
        TotpSecret otherSecret = TotpSecret.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        String otherCode = Totp.codeAt(otherSecret, FIRST_INSTANT_OF_STEP);

        TotpVerification result = verifierAt(FIRST_INSTANT_OF_STEP).verify(SECRET, otherCode);

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
        assertThatIllegalStateException().isThrownBy(result::matchedStep);
    }

    @Test
    void verifyWhenStepWasAlreadyUsedThenRefusedAsAlreadyUsed() {
        TotpVerifier verifier = verifierAt(FIRST_INSTANT_OF_STEP);
        TotpVerification first = verifier.verify(SECRET, codeOf(STEP));

        TotpVerification replay = verifier.verify(SECRET, codeOf(STEP), first.matchedStep());

        assertThat(replay.outcome()).isEqualTo(Outcome.ALREADY_USED);
        assertThat(replay.isAccepted()).isFalse();
        assertThat(replay.message()).contains("That code was already used. Wait for the next one.");
    }

    @Test
    void verifyWhenCodeIsOlderThanLastUsedStepThenRefusedAsAlreadyUsed() {
        // The user signed in with the next step's code (phone ahead); the current code must not work after it.
        TotpVerification result = verifierAt(FIRST_INSTANT_OF_STEP).verify(SECRET, codeOf(STEP), STEP + 1);

        assertThat(result.outcome()).isEqualTo(Outcome.ALREADY_USED);
    }

    @Test
    void verifyWhenLastUsedStepIsOlderThenNextCodeAccepted() {
        TotpVerification result = verifierAt(FIRST_INSTANT_OF_STEP).verify(SECRET, codeOf(STEP), STEP - 1);

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void verifyWhenWrongCodeAfterUseThenInvalidNotAlreadyUsed() {
        String wrong = codeOf(STEP).equals("000000") ? "111111" : "000000";

        TotpVerification result = verifierAt(FIRST_INSTANT_OF_STEP).verify(SECRET, wrong, STEP);

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void verifyWhenCodeContainsSpacesThenSpacesIgnored() {
        String code = codeOf(STEP);
        String asShownByApps = code.substring(0, 3) + " " + code.substring(3);
        String inPairs = code.substring(0, 2) + " " + code.substring(2, 4) + " " + code.substring(4);
        String pastedWithNoBreakSpace = " " + code.substring(0, 3) + "\u00A0" + code.substring(3) + "\t";

        TotpVerifier verifier = verifierAt(FIRST_INSTANT_OF_STEP);

        assertThat(verifier.verify(SECRET, asShownByApps).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(verifier.verify(SECRET, inPairs).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(verifier.verify(SECRET, pastedWithNoBreakSpace).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "12345", "1234567", "12a456", "abcdef", "123-456", "١٢٣٤٥٦"})
    void verifyWhenCodeIsNotSixDigitsThenMalformed(String input) {
        TotpVerification result = verifierAt(FIRST_INSTANT_OF_STEP).verify(SECRET, input);

        assertThat(result.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(result.message()).contains(TotpVerification.MALFORMED_MESSAGE);
    }

    @Test
    void verificationNeverShowsTheCode() {
        String code = codeOf(STEP);

        TotpVerification result = verifierAt(FIRST_INSTANT_OF_STEP).verify(SECRET, code);

        assertThat(result).hasToString("ACCEPTED at step " + STEP);
    }

    private static String codeOf(long step) {
        return Totp.hotp(SECRET.bytes(), step, Totp.DIGITS);
    }

    private static TotpVerifier verifierAt(Instant instant) {
        return new TotpVerifier(Clock.fixed(instant, ZoneOffset.UTC));
    }
}
