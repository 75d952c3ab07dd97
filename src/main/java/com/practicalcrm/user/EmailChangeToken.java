package com.practicalcrm.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret in an email confirmation link: 32 random bytes, URL-safe Base64 in the link. Only its SHA-256 is
 * stored; a fast hash is enough because the token has 256 bits of entropy (nothing to guess, unlike a password).
 */
final class EmailChangeToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private EmailChangeToken() {
    }

    static String generate() {
        byte[] token = new byte[BYTES];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Whether the text can be a token at all: 43 URL-safe Base64 characters. Longer input is not even hashed. */
    static boolean isWellFormed(String token) {
        return token != null && token.length() == 43
                && token.chars().allMatch(c -> (c < 128 && Character.isLetterOrDigit(c)) || c == '-' || c == '_');
    }
}
