package com.practicalcrm.common;

/**
 * Makes user-controlled text (request paths, names, user agents, email addresses, client addresses, messages
 * that may quote them) safe to write into a log line: every log event stays on one line, and nobody can forge a
 * line or hide text with direction overrides. CR, LF and tab become {@code \r}, {@code \n}, {@code \t}; other
 * {@linkplain UnsafeCharacters unsafe characters} become {@code \}{@code uXXXX}; a backslash becomes two, so an
 * escape in the log always comes from this method. Very long values are cut.
 */
public final class LogSafe {

    /** Longer values are cut to this many characters, with a note of how many were left out. */
    static final int MAX_LENGTH = 1000;

    private LogSafe() {
    }

    /** The value's {@code toString()}, escaped and cut after {@value #MAX_LENGTH} characters; "null" for null. */
    public static String escape(Object value) {
        return escape(value, MAX_LENGTH);
    }

    /** The value's {@code toString()}, escaped and cut after {@code maxLength} characters; "null" for null. */
    public static String escape(Object value, int maxLength) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        int length = Math.min(text.length(), maxLength);
        StringBuilder escaped = new StringBuilder(length + 16);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\r' -> escaped.append("\\r");
                case '\n' -> escaped.append("\\n");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (UnsafeCharacters.isUnsafe(c)) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        if (text.length() > maxLength) {
            escaped.append("…(").append(text.length() - maxLength).append(" more characters)");
        }
        return escaped.toString();
    }
}
