package com.practicalcrm.twofactor;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted hashes of recovery codes (ASVS 6.5.2), stored as {@code pbkdf2-sha256$iterations$salt$hash} with
 * unpadded Base64, so the work factor can be raised later without breaking existing hashes.
 *
 * <p>PBKDF2 rather than the Argon2id used for passwords: a sign-in with a recovery code checks it against up to
 * ten stored hashes, and ten Argon2id runs at 19 MiB each would make that step slow and memory-hungry. Argon2's
 * memory hardness protects guessable secrets; these codes carry 59 random bits, so even at a modest
 * {@value #ITERATIONS} iterations (a few milliseconds) an offline attacker with a leaked table needs thousands of
 * GPU-years per code. PBKDF2 also comes with the JDK.
 */
final class RecoveryCodeHasher {

    static final int ITERATIONS = 10_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    private final SecureRandom random;

    public RecoveryCodeHasher(SecureRandom random) {
        this.random = random;
    }

    public String hash(RecoveryCode code) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = pbkdf2(code, salt, ITERATIONS);
        return SCHEME + "$" + ITERATIONS + "$" + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(hash);
    }

    /**
     * Compares in constant time.
     *
     * @throws IllegalArgumentException if the stored value is not a hash this class wrote (a corrupt row should
     *                                  be noticed, not treated as a wrong code)
     */
    public boolean matches(RecoveryCode code, String storedHash) {
        String[] parts = storedHash == null ? new String[0] : storedHash.split("\\$", -1);
        if (parts.length == 4 && parts[0].equals(SCHEME)) {
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] expected = Base64.getDecoder().decode(parts[3]);
                if (iterations > 0 && salt.length > 0 && expected.length > 0) {
                    return MessageDigest.isEqual(pbkdf2(code, salt, iterations), expected);
                }
            } catch (IllegalArgumentException notANumberOrNotBase64) {
                // reported below, like every other malformed value
            }
        }
        throw new IllegalArgumentException("Stored recovery code hash has an unknown format");
    }

    private static byte[] pbkdf2(RecoveryCode code, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(code.canonical().toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java runtime since 8 provides PBKDF2WithHmacSHA256, so this means a broken installation.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
