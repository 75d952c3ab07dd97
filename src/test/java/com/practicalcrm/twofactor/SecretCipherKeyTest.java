package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretCipherKeyTest {

    @Test
    void fromBase64AcceptsThirtyTwoBytesWithSurroundingWhiteSpace() {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);

        SecretCipherKey key = SecretCipherKey.fromBase64("  " + configured + "\n");

        assertThat(key.base64()).isEqualTo(configured);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 24, 31, 33, 64})
    void fromBase64WhenNotThirtyTwoBytesThenRefusedSayingTheLength(int length) {
        String configured = Base64.getEncoder().encodeToString(new byte[length]);

        assertThatIllegalArgumentException().isThrownBy(() -> SecretCipherKey.fromBase64(configured))
                .withMessageContaining("must be 32 bytes (256 bits) but is " + length + " bytes")
                .withMessageContaining("openssl rand -base64 32");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void fromBase64WhenEmptyThenRefused(String configured) {
        assertThatIllegalArgumentException().isThrownBy(() -> SecretCipherKey.fromBase64(configured))
                .withMessageContaining("is empty");
    }

    @Test
    void fromBase64WhenNotBase64ThenRefusedWithoutRepeatingTheValue() {
        String configured = "my-secret-passphrase!";

        assertThatIllegalArgumentException().isThrownBy(() -> SecretCipherKey.fromBase64(configured))
                .withMessageContaining("not valid Base64")
                .withMessageNotContaining(configured);
    }

    @Test
    void toStringDoesNotRevealTheKey() {
        SecretCipherKey key = SecretCipherKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));

        assertThat(key.toString()).doesNotContain(key.base64());
    }
}
