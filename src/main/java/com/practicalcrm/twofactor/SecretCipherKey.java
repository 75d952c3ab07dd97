package com.practicalcrm.twofactor;

import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The AES-256 key that encrypts TOTP secrets at rest, read from configuration as Base64 of 32 random bytes. */
final class SecretCipherKey {

    static final int LENGTH_BYTES = 32;
    private static final String HOW_TO_CREATE = "Create one with: openssl rand -base64 32";

    private final byte[] bytes;

    private SecretCipherKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @throws IllegalArgumentException unless the text is Base64 of exactly 32 bytes; the message says what is
     *                                  wrong and how to make a good key, without repeating the value
     */
    public static SecretCipherKey fromBase64(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The TOTP secret encryption key is empty. " + HOW_TO_CREATE);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("The TOTP secret encryption key is not valid Base64. " + HOW_TO_CREATE);
        }
        if (bytes.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("The TOTP secret encryption key must be " + LENGTH_BYTES
                    + " bytes (256 bits) but is " + bytes.length + " bytes. " + HOW_TO_CREATE);
        }
        return new SecretCipherKey(bytes);
    }

    static SecretCipherKey generate(SecureRandom random) {
        byte[] bytes = new byte[LENGTH_BYTES];
        random.nextBytes(bytes);
        return new SecretCipherKey(bytes);
    }

    String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    SecretKey aesKey() {
        return new SecretKeySpec(bytes, "AES");
    }

    /** Never the key: this object may end up in a log line, e.g. when Spring reports a failed bean. */
    @Override
    public String toString() {
        return "SecretCipherKey[hidden]";
    }
}
