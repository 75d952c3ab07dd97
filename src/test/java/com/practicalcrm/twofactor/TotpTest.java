package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0} -> {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void hotpOfTimeStepMatchesRfc6238Sha1Vectors(long unixSeconds, String expected) {
        long step = Totp.timeStep(Instant.ofEpochSecond(unixSeconds));

        assertThat(Totp.hotp(RFC_KEY, step, 8)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "counter {0} -> {1}")
    @CsvSource({
            "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
            "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489"})
    void hotpMatchesRfc4226Vectors(long counter, String expected) {
        assertThat(Totp.hotp(RFC_KEY, counter, 6)).isEqualTo(expected);
    }

    @Test
    void codeAtIsTheSixDigitCodeOfTheRfcVector() {
        TotpSecret secret = TotpSecret.fromBytes(RFC_KEY);

        // The 8-digit vector 07081804 shortened to 6 digits keeps its leading zero.
        assertThat(Totp.codeAt(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.codeAt(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void timeStepChangesExactlyEveryThirtySeconds() {
        assertThat(Totp.timeStep(Instant.ofEpochSecond(0))).isZero();
        assertThat(Totp.timeStep(Instant.ofEpochSecond(29).plusMillis(999))).isZero();
        assertThat(Totp.timeStep(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.timeStep(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523EC);
    }

    @Test
    void hotpWhenDigitsOutsideSixToEightThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Totp.hotp(RFC_KEY, 0, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> Totp.hotp(RFC_KEY, 0, 9));
    }
}
