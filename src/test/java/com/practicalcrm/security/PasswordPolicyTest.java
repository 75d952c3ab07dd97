package com.practicalcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.practicalcrm.security.PasswordPolicy.PasswordCheck;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();
    private final List<String> ann = List.of("Ann Smith", "ann.smith@example.com");

    @Test
    void elevenCharactersAreTooShortWhateverTheirStrength() {
        PasswordCheck check = policy.check("q7#Kd9!xLp2", ann);
        assertThat(check.acceptable()).isFalse();
        assertThat(check.message()).isEqualTo("Use at least 12 characters (11 so far).");
    }

    @Test
    void commonPasswordsAreRefusedWithTheReason() {
        PasswordCheck check = policy.check("password1234", ann);
        assertThat(check.acceptable()).isFalse();
        assertThat(check.score()).isLessThan(3);
        assertThat(check.message()).startsWith("This password is too easy to guess.");
    }

    @Test
    void passwordsBuiltFromTheUsersOwnNameAreRefused() {
        List<String> zebulon = List.of("Zebulon Quixote", "zebulon.quixote@example.com");
        assertThat(policy.check("zebulonquixote2024", List.of()).acceptable()).isTrue();
        PasswordCheck check = policy.check("zebulonquixote2024", zebulon);
        assertThat(check.acceptable()).isFalse();
        assertThat(check.message()).startsWith("This password is too easy to guess.");
        assertThat(policy.check("zebulon.quixote@example.com", zebulon).acceptable()).isFalse();
    }

    @Test
    void severalUnrelatedWordsAreAcceptedWithoutCompositionRules() {
        PasswordCheck check = policy.check("orange kettle harbor lantern", ann);
        assertThat(check.acceptable()).isTrue();
        assertThat(check.score()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void longPassphrasesUpTo256CharactersAreAcceptedAndLongerOnesRefused() {
        String passphrase = "correct horse battery staple orange kettle harbor lantern ".repeat(5);
        assertThat(policy.check(passphrase.substring(0, 256), ann).acceptable()).isTrue();
        PasswordCheck tooLong = policy.check(passphrase.repeat(2).substring(0, 257), ann);
        assertThat(tooLong.acceptable()).isFalse();
        assertThat(tooLong.message()).isEqualTo("Use at most 256 characters.");
    }

    @Test
    void emptyPasswordAsksForOne() {
        assertThat(policy.check("", ann).message()).isEqualTo("Enter a password.");
        assertThat(policy.check(null, ann).acceptable()).isFalse();
    }
}
