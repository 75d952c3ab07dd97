package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryCodeHasherTest {

    private static final RecoveryCode CODE = RecoveryCode.parse("k7fp-2xq9-mc4t").orElseThrow();

    private final RecoveryCodeHasher hasher = new RecoveryCodeHasher(new SecureRandom());

    @Test
    void hashIsSchemeIterationsSaltAndHashWithoutTheCode() {
        String stored = hasher.hash(CODE);

        assertThat(stored).matches("pbkdf2-sha256\\$10000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(stored).doesNotContain("k7fp", "2xq9", "mc4t");
    }

    @Test
    void hashUsesAFreshSaltEachTime() {
        assertThat(hasher.hash(CODE)).isNotEqualTo(hasher.hash(CODE));
    }

    @Test
    void matchesWhenSameCodeTypedDifferentlyThenTrue() {
        String stored = hasher.hash(CODE);

        assertThat(hasher.matches(RecoveryCode.parse("K7FP 2XQ9 MC4T").orElseThrow(), stored)).isTrue();
    }

    @Test
    void matchesWhenDifferentCodeThenFalse() {
        String stored = hasher.hash(CODE);

        assertThat(hasher.matches(RecoveryCode.parse("k7fp-2xq9-mc4u").orElseThrow(), stored)).isFalse();
    }

    @Test
    void matchesWhenHashWasTamperedWithThenFalse() {
        String[] parts = hasher.hash(CODE).split("\\$");
        byte[] hash = Base64.getDecoder().decode(parts[3]);
        hash[0] ^= 1;
        String tampered = String.join("$", parts[0], parts[1], parts[2],
                Base64.getEncoder().withoutPadding().encodeToString(hash));

        assertThat(hasher.matches(CODE, tampered)).isFalse();
    }

    @Test
    void matchesWhenSaltOrIterationsWereChangedThenFalse() {
        String[] parts = hasher.hash(CODE).split("\\$");
        String otherSalt = String.join("$", parts[0], parts[1], "AAAAAAAAAAAAAAAAAAAAAA", parts[3]);
        String otherIterations = String.join("$", parts[0], "9999", parts[2], parts[3]);

        assertThat(hasher.matches(CODE, otherSalt)).isFalse();
        assertThat(hasher.matches(CODE, otherIterations)).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "k7fp2xq9mc4t", "bcrypt$10000$AAAA$AAAA", "pbkdf2-sha256$many$AAAA$AAAA",
            "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$10000$not*base64$AAAA", "pbkdf2-sha256$10000$$AAAA",
            "pbkdf2-sha256$10000$AAAA$AAAA$extra"})
    void matchesWhenStoredValueIsNotAHashThenFailsLoudly(String stored) {
        assertThatIllegalArgumentException().isThrownBy(() -> hasher.matches(CODE, stored))
                .withMessage("Stored recovery code hash has an unknown format");
    }
}
