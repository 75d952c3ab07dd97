package com.practicalcrm.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets carried in mailed links (password reset, email confirmation): 32 random bytes as 43 URL-safe Base64
 * characters. Only their SHA-256 is stored: a fast hash is enough for 256 random bits (nothing to guess, unlike a
 * password), and a copy of the table opens nothing.
 */
public final class LinkToken {

    private static final int BYTES = 32;
    private static final int ENCODED_LENGTH = 43;

    private LinkToken() {
    }

    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Whether the text can be a token at all; anything else is refused without hashing it. */
    public static boolean isWellFormed(String token) {
        return token != null && token.length() == ENCODED_LENGTH
                && token.chars().allMatch(c -> (c < 128 && Character.isLetterOrDigit(c)) || c == '-' || c == '_');
    }
}
