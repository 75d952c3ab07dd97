package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.practicalcrm.common.UserId;

class SecretCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final UserId ANN = new UserId(7);
    private static final UserId BOB = new UserId(8);

    private final TotpSecret secret = TotpSecret.generate(RANDOM);
    private final SecretCipher cipher = new SecretCipher(SecretCipherKey.generate(RANDOM), RANDOM);

    @Test
    void decryptGivesBackTheEncryptedSecret() {
        String stored = cipher.encrypt(secret, ANN);

        assertThat(cipher.decrypt(stored, ANN).bytes()).isEqualTo(secret.bytes());
    }

    @Test
    void encryptWritesACompactVersionedValueThatHidesTheSecret() {
        String stored = cipher.encrypt(secret, ANN);

        assertThat(stored).startsWith("v1:").hasSize(67);
        assertThat(stored).doesNotContain(secret.base32());
    }

    @Test
    void encryptUsesAFreshIvEachTime() {
        assertThat(cipher.encrypt(secret, ANN)).isNotEqualTo(cipher.encrypt(secret, ANN));
    }

    @Test
    void decryptWhenAnyByteWasAlteredThenFailsLoudly() {
        byte[] raw = Base64.getDecoder().decode(cipher.encrypt(secret, ANN).substring(3));
        for (int i = 0; i < raw.length; i++) {
            byte[] altered = raw.clone();
            altered[i] ^= 0x01;
            String tampered = "v1:" + Base64.getEncoder().withoutPadding().encodeToString(altered);

            assertThatIllegalStateException().as("byte %d altered", i)
                    .isThrownBy(() -> cipher.decrypt(tampered, ANN))
                    .withMessageContaining("does not decrypt");
        }
    }

    @Test
    void decryptWhenCopiedToAnotherUsersRowThenFails() {
        String annsSecret = cipher.encrypt(secret, ANN);

        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(annsSecret, BOB))
                .withMessageContaining("another user");
    }

    @Test
    void decryptWithAnotherKeyThenFails() {
        String stored = cipher.encrypt(secret, ANN);
        SecretCipher otherKey = new SecretCipher(SecretCipherKey.generate(RANDOM), RANDOM);

        assertThatIllegalStateException().isThrownBy(() -> otherKey.decrypt(stored, ANN))
                .withMessageContaining("another key");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "v2:AAAA", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "v1:not base64!", "v1:AAAAAAAAAAAAAAAA"})
    void decryptWhenValueIsNotAV1CiphertextThenFails(String stored) {
        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(stored, ANN))
                .withMessage("The stored TOTP secret is not a v1: ciphertext");
    }
}
