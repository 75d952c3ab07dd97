package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.practicalcrm.common.UserId;

class KeyFileTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path directory;

    @Test
    void loadOrCreateWhenFileIsAbsentThenCreatesItReadableByTheOwnerOnly() throws IOException {
        Path file = directory.resolve("keys/totp.key");

        SecretCipherKey key = KeyFile.loadOrCreate(file, RANDOM);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.readString(file).strip()).isEqualTo(key.base64());
    }

    @Test
    void loadOrCreateWhenFileExistsThenReusesItsKey() {
        Path file = directory.resolve("totp.key");
        TotpSecret secret = TotpSecret.generate(RANDOM);
        String storedBeforeRestart = new SecretCipher(KeyFile.loadOrCreate(file, RANDOM), RANDOM)
                .encrypt(secret, new UserId(1));

        SecretCipherKey afterRestart = KeyFile.loadOrCreate(file, RANDOM);

        assertThat(new SecretCipher(afterRestart, RANDOM).decrypt(storedBeforeRestart, new UserId(1)).bytes())
                .isEqualTo(secret.bytes());
    }

    @Test
    void loadOrCreateWhenFileIsReadableByOthersThenRefused() throws IOException {
        Path file = directory.resolve("totp.key");
        KeyFile.loadOrCreate(file, RANDOM);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatIllegalStateException().isThrownBy(() -> KeyFile.loadOrCreate(file, RANDOM))
                .withMessageContaining("accessible to other users")
                .withMessageContaining("chmod 600");
    }

    @Test
    void loadOrCreateWhenFileHoldsNoValidKeyThenRefusedNamingTheFile() throws IOException {
        Path file = Files.writeString(directory.resolve("totp.key"), "dG9vIHNob3J0");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatIllegalStateException().isThrownBy(() -> KeyFile.loadOrCreate(file, RANDOM))
                .withMessageContaining(file.toString())
                .withMessageContaining("must be 32 bytes");
    }
}
