package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.practicalcrm.common.UserId;

class SecretCipherKeySourceTest {

    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void configuredKeyIsUsedEverywhere() {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        SecretCipherKey key = SecretCipherKeySource.resolve(configured, false, false, dir.resolve("k"), random);
        assertThat(key.base64()).isEqualTo(configured);
        assertThat(dir.resolve("k")).doesNotExist();
    }

    @Test
    void withoutKeyOutsideTheEmbeddedSetupStartIsRefusedSayingWhatToSet() {
        assertThatThrownBy(() -> SecretCipherKeySource.resolve("", false, false, dir.resolve("k"), random))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PRACTICALCRM_TWO_FACTOR_ENCRYPTION_KEY");
    }

    @Test
    void embeddedSetupCreatesAnOwnerOnlyKeyFileAndReusesItAfterRestart() throws Exception {
        Path file = dir.resolve("data").resolve("two-factor.key");
        SecretCipherKey first = SecretCipherKeySource.resolve(null, true, false, file, random);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        SecretCipherKey afterRestart = SecretCipherKeySource.resolve(null, true, false, file, random);
        UserId owner = new UserId(7);
        TotpSecret secret = TotpSecret.generate(random);
        String stored = new SecretCipher(first, random).encrypt(secret, owner);
        assertThat(new SecretCipher(afterRestart, random).decrypt(stored, owner).base32()).isEqualTo(secret.base32());
    }

    @Test
    void temporaryEmbeddedDatabaseGetsAKeyThatLivesAsLongAsIt() {
        SecretCipherKey key = SecretCipherKeySource.resolve("", true, true, dir.resolve("k"), random);
        assertThat(key).isNotNull();
        assertThat(dir.resolve("k")).doesNotExist();
    }
}
