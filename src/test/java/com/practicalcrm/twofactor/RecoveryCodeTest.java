package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryCodeTest {

    private final RecoveryCodeGenerator generator = new RecoveryCodeGenerator(new SecureRandom());

    @Test
    void generateGivesTenDistinctCodes() {
        List<RecoveryCode> codes = generator.generate();

        assertThat(codes).hasSize(10);
        assertThat(codes).extracting(RecoveryCode::formatted).doesNotHaveDuplicates();
    }

    @Test
    void generatedCodesAreThreeGroupsOfFourFromTheAlphabetWithoutLookAlikes() {
        for (RecoveryCode code : generator.generate()) {
            assertThat(code.formatted()).matches("[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}");
        }
        assertThat(RecoveryCode.ALPHABET).doesNotContain("0", "1", "o", "l", "i").hasSize(31);
    }

    @Test
    void eachCodeCarriesAtLeastFiftyBits() {
        double bits = RecoveryCode.LENGTH * Math.log(RecoveryCode.ALPHABET.length()) / Math.log(2);

        assertThat(bits).isGreaterThanOrEqualTo(50);
    }

    @Test
    void generatedCodesUseEveryCharacterOfTheAlphabet() {
        // 100 sets are 12,000 characters; a fair draw misses one of 31 characters with probability ~1e-166.
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            for (RecoveryCode code : generator.generate()) {
                code.canonical().chars().forEach(c -> seen.add((char) c));
            }
        }

        assertThat(seen).hasSize(RecoveryCode.ALPHABET.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"k7fp-2xq9-mc4t", "K7FP-2XQ9-MC4T", "k7fp2xq9mc4t", " k7fp 2xq9 mc4t ", "k7fp–2xq9–mc4t",
            "k7f p2xq9m-c4t"})
    void parseAcceptsTheCodeTypedInAnyCaseWithOrWithoutSeparators(String typed) {
        assertThat(RecoveryCode.parse(typed)).get()
                .extracting(RecoveryCode::formatted).isEqualTo("k7fp-2xq9-mc4t");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "k7fp-2xq9-mc4", "k7fp-2xq9-mc4tt", "k7fp-2xq9-mc4l", "k7fp-2xq9-mc40",
            "k7fp_2xq9_mc4t", "123456"})
    void parseRefusesWhatCannotBeARecoveryCode(String typed) {
        assertThat(RecoveryCode.parse(typed)).isEmpty();
    }

    @Test
    void toStringDoesNotRevealTheCode() {
        RecoveryCode code = RecoveryCode.parse("k7fp-2xq9-mc4t").orElseThrow();

        assertThat(code.toString()).doesNotContain("k7fp").doesNotContain("mc4t");
    }
}
