package com.practicalcrm.user.passwordreset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A password-reset token: 32 random bytes, URL-safe Base64 in the link. The database keeps only its SHA-256
 * (a fast hash is enough for 256 random bits), so a copy of the table does not open any account.
 */
final class ResetToken {

    private static final int BYTES = 32;

    private final String value;

    private ResetToken(String value) {
        this.value = value;
    }

    static ResetToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new ResetToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The secret that goes into the link, and nowhere else. */
    String value() {
        return value;
    }

    String hash() {
        return hashOf(value);
    }

    /** Hex SHA-256 of a token from a link; any string is accepted (a mangled link simply matches nothing). */
    static String hashOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "ResetToken[hidden]";
    }
}
