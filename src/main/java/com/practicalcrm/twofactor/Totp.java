package com.practicalcrm.twofactor;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HOTP (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA1, the combination every authenticator app supports.
 *
 * <p>Written here rather than taken from a library: the Java TOTP libraries on Maven Central are small and
 * rarely maintained, while the algorithm is a few lines that {@code TotpTest} checks against the vectors
 * published in both RFCs.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final Duration PERIOD = Duration.ofSeconds(30);

    private static final String HMAC_ALGORITHM = "HmacSHA1";
    private static final int MIN_DIGITS = 6;
    private static final int MAX_DIGITS = 8;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000};

    private Totp() {
    }

    /** The {@value #DIGITS}-digit code an authenticator app shows at this instant. */
    public static String codeAt(TotpSecret secret, Instant instant) {
        return hotp(secret.bytes(), timeStep(instant), DIGITS);
    }

    /** Number of whole {@link #PERIOD}s since the Unix epoch: the moving factor T of RFC 6238. */
    public static long timeStep(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), PERIOD.toSeconds());
    }

    /**
     * RFC 4226 section 5.3: HMAC over the 8-byte big-endian counter, dynamic truncation to 31 bits, the last
     * {@code digits} decimal digits with leading zeros.
     *
     * @param digits 6 to 8; RFC 4226 asks for at least 6, and apps show at most 8
     */
    public static String hotp(byte[] key, long counter, int digits) {
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("digits must be between " + MIN_DIGITS + " and " + MAX_DIGITS);
        }
        byte[] hash = hmacSha1(key, ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int truncated = ByteBuffer.wrap(hash, offset, Integer.BYTES).getInt() & 0x7fff_ffff;
        int code = truncated % POWERS_OF_TEN[digits];
        return String.format("%0" + digits + "d", code);
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            // A new Mac per call: Mac instances are not thread-safe and creating one costs microseconds.
            Mac mac = Mac.getInstance(HMAC_ALGORITHM);
            mac.init(new SecretKeySpec(key, HMAC_ALGORITHM));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            // Every Java runtime must provide HmacSHA1, so this means a broken installation.
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
