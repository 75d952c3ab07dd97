package com.practicalcrm.twofactor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import com.practicalcrm.common.UserId;

/**
 * Encrypts TOTP secrets for the database with AES-256-GCM, so a copy of the database (a backup, a replica, an
 * SQL injection) does not hand out every user's second factor.
 *
 * <p>Stored form: {@code v1:} + Base64(12-byte IV || ciphertext || 16-byte tag), 67 characters for a 20-byte
 * secret. The version prefix leaves room for another key or algorithm later. The owner's user id is
 * authenticated with the ciphertext (GCM associated data), so a value copied into another user's row does not
 * decrypt there.
 */
final class SecretCipher {

    private static final String VERSION_PREFIX = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    // A random 96-bit IV per encryption is safe for far more encryptions than enabling 2FA will ever cause
    // (NIST SP 800-38D allows 2^32 per key).
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretCipherKey key;
    private final SecureRandom random;

    public SecretCipher(SecretCipherKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    public String encrypt(TotpSecret secret, UserId owner) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] plaintext = secret.bytes();
        try {
            byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, iv, owner).doFinal(plaintext);
            byte[] stored = ByteBuffer.allocate(iv.length + ciphertext.length).put(iv).put(ciphertext).array();
            return VERSION_PREFIX + Base64.getEncoder().withoutPadding().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * @throws IllegalStateException if the value was not written by {@link #encrypt} with this key for this owner,
     *                               or was altered since: never a silent wrong secret
     */
    public TotpSecret decrypt(String stored, UserId owner) {
        byte[] decoded = decode(stored);
        byte[] iv = Arrays.copyOfRange(decoded, 0, IV_BYTES);
        byte[] plaintext = null;
        try {
            plaintext = cipher(Cipher.DECRYPT_MODE, iv, owner).doFinal(decoded, IV_BYTES, decoded.length - IV_BYTES);
            return TotpSecret.fromBytes(plaintext);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("The stored TOTP secret of user " + owner + " does not decrypt: it was "
                    + "encrypted with another key or for another user, or it was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private static byte[] decode(String stored) {
        if (stored != null && stored.startsWith(VERSION_PREFIX)) {
            try {
                byte[] decoded = Base64.getDecoder().decode(stored.substring(VERSION_PREFIX.length()));
                if (decoded.length > IV_BYTES + TAG_BITS / 8) {
                    return decoded;
                }
            } catch (IllegalArgumentException notBase64) {
                // reported below, like every other malformed value
            }
        }
        throw new IllegalStateException("The stored TOTP secret is not a " + VERSION_PREFIX + " ciphertext");
    }

    private Cipher cipher(int mode, byte[] iv, UserId owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key.aesKey(), new GCMParameterSpec(TAG_BITS, iv));
        // Names the purpose as well as the user, so the key could one day encrypt other things without letting
        // one kind of value pass for another.
        cipher.updateAAD(("totp-secret:" + owner.value()).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
