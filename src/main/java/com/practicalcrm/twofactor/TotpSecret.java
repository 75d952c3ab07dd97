package com.practicalcrm.twofactor;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.codec.CodecPolicy;
import org.apache.commons.codec.binary.Base32;

/**
 * The key an authenticator app shares with us. Shown to the user once, as Base32 in groups of four so it can be
 * typed by hand when the QR code cannot be scanned; kept encrypted otherwise (see {@link SecretCipher}).
 */
public final class TotpSecret {

    /** 160 bits, the HMAC-SHA1 output size that RFC 4226 recommends. */
    public static final int LENGTH_BYTES = 20;
    /** RFC 4226 R6: the shared secret must be at least 128 bits. */
    static final int MIN_LENGTH_BYTES = 16;

    private static final Pattern BASE32_CHARACTERS = Pattern.compile("[A-Z2-7]+");
    // Strict decoding refuses strings whose last character carries bits no encoder would set, so one
    // mistyped character at the end is reported instead of silently dropped.
    private static final Base32 BASE32 = Base32.builder().setDecodingPolicy(CodecPolicy.STRICT).get();

    private final byte[] bytes;

    private TotpSecret(byte[] bytes) {
        if (bytes.length < MIN_LENGTH_BYTES) {
            throw new IllegalArgumentException(
                    "A TOTP secret needs at least " + MIN_LENGTH_BYTES + " bytes, got " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    public static TotpSecret generate(SecureRandom random) {
        byte[] bytes = new byte[LENGTH_BYTES];
        random.nextBytes(bytes);
        return new TotpSecret(bytes);
    }

    static TotpSecret fromBytes(byte[] bytes) {
        return new TotpSecret(bytes);
    }

    /**
     * Reads a secret as people copy it: groups separated by spaces, any case, with or without '=' padding.
     *
     * @throws IllegalArgumentException if it is not Base32 or shorter than 128 bits (the message never repeats
     *                                  the input)
     */
    public static TotpSecret fromBase32(String text) {
        String compact = text == null ? ""
                : text.replaceAll("[\\s=]", "").toUpperCase(Locale.ROOT);
        if (!BASE32_CHARACTERS.matcher(compact).matches()) {
            throw new IllegalArgumentException("A TOTP secret uses only the letters A to Z and the digits 2 to 7");
        }
        return new TotpSecret(decodeStrictly(compact));
    }

    private static byte[] decodeStrictly(String unpadded) {
        // Strict decoding also insists on the padding people leave out, so put it back first.
        String padded = unpadded + "=".repeat((8 - unpadded.length() % 8) % 8);
        try {
            return BASE32.decode(padded);
        } catch (IllegalArgumentException notAPossibleEncoding) {
            throw new IllegalArgumentException("The TOTP secret is not complete Base32; check the last characters");
        }
    }

    /** Upper-case Base32 without '=' padding, as the otpauth URI wants it. */
    public String base32() {
        return BASE32.encodeToString(bytes).replace("=", "");
    }

    /** {@link #base32()} in groups of four separated by spaces, for reading aloud or typing into an app. */
    public String grouped() {
        return String.join(" ", base32().split("(?<=\\G.{4})"));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Never the secret itself: this object may end up in a log line or an exception message. */
    @Override
    public String toString() {
        return "TotpSecret[hidden]";
    }
}
