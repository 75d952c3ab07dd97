package com.practicalcrm.twofactor;

import java.security.SecureRandom;
import java.util.List;

import com.practicalcrm.common.UserId;

/**
 * The key material of 2FA in one place: new secrets and recovery codes, encryption of secrets at rest, hashing
 * of recovery codes. Keeps {@link TwoFactorService} about rules rather than primitives.
 */
final class TwoFactorCrypto {

    private final SecureRandom random;
    private final SecretCipher cipher;
    private final RecoveryCodeGenerator generator;
    private final RecoveryCodeHasher hasher;

    public TwoFactorCrypto(SecureRandom random, SecretCipher cipher) {
        this.random = random;
        this.cipher = cipher;
        this.generator = new RecoveryCodeGenerator(random);
        this.hasher = new RecoveryCodeHasher(random);
    }

    TotpSecret newSecret() {
        return TotpSecret.generate(random);
    }

    List<RecoveryCode> newRecoveryCodes() {
        return generator.generate();
    }

    List<String> hash(List<RecoveryCode> codes) {
        return codes.stream().map(hasher::hash).toList();
    }

    boolean matches(RecoveryCode code, String storedHash) {
        return hasher.matches(code, storedHash);
    }

    String encrypt(TotpSecret secret, UserId owner) {
        return cipher.encrypt(secret, owner);
    }

    TotpSecret decrypt(String stored, UserId owner) {
        return cipher.decrypt(stored, owner);
    }
}
