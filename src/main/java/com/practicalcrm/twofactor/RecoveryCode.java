package com.practicalcrm.twofactor;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One recovery code, which signs in instead of a TOTP code when the phone is lost. Shown once during setup as
 * {@code k7fp-2xq9-mc4t}; afterwards only its hash exists (see {@link RecoveryCodeHasher}).
 */
final class RecoveryCode {

    /** Digits and lower-case letters without the look-alikes 0/o, 1/l/i: 31 characters. */
    static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    /** 12 characters of 31 give 59 bits, above the 50 bits that let a salted fast-ish hash suffice. */
    static final int LENGTH = 12;
    private static final int GROUP_LENGTH = 4;

    private static final Pattern CANONICAL = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    // Spaces, and the dashes word processors and phones substitute for '-', so a code pasted from a printout
    // or a notes app still works.
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\-\\u2010-\\u2015\\u2212]");

    private final String canonical;

    private RecoveryCode(String canonical) {
        this.canonical = canonical;
    }

    static RecoveryCode random(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new RecoveryCode(code.toString());
    }

    /**
     * Reads a code as the user types it: any case, with or without dashes and spaces.
     *
     * @return empty if it cannot be a recovery code (wrong length or a character outside the alphabet)
     */
    public static Optional<RecoveryCode> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(input).replaceAll("").toLowerCase(Locale.ROOT);
        return CANONICAL.matcher(compact).matches() ? Optional.of(new RecoveryCode(compact)) : Optional.empty();
    }

    /** For showing during setup: groups of four joined by dashes, e.g. {@code k7fp-2xq9-mc4t}. */
    public String formatted() {
        return String.join("-", canonical.split("(?<=\\G.{" + GROUP_LENGTH + "})"));
    }

    /** The form that is hashed: no dashes, lower case, so every way of typing a code hashes the same. */
    String canonical() {
        return canonical;
    }

    /** Never the code: this object may end up in a log line or an exception message. */
    @Override
    public String toString() {
        return "RecoveryCode[hidden]";
    }
}
