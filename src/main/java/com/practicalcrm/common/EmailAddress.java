package com.practicalcrm.common;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A syntactically valid email address, normalized: surrounding white space removed and lower-cased, so that
 * "Ann@Example.COM " and "ann@example.com" are the same account.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART_LENGTH = 64;

    // Pragmatic subset of RFC 5322: dot-atom local part and a domain of LDH labels with a dot in it.
    private static final Pattern SYNTAX = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$");

    public EmailAddress {
        if (value == null || !isValid(value)) {
            throw new IllegalArgumentException(INVALID_MESSAGE);
        }
    }

    public static final String INVALID_MESSAGE = "Enter a valid email address, like name@example.com";

    public static EmailAddress of(String raw) {
        return new EmailAddress(normalize(raw));
    }

    public static String normalize(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** True if the raw input, once normalized, is a valid address. */
    public static boolean isValidInput(String raw) {
        return isValid(normalize(raw));
    }

    private static boolean isValid(String normalized) {
        if (normalized.isEmpty() || normalized.length() > MAX_LENGTH) {
            return false;
        }
        int at = normalized.lastIndexOf('@');
        return at > 0 && at <= MAX_LOCAL_PART_LENGTH && SYNTAX.matcher(normalized).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
