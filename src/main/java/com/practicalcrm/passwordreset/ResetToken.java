package com.practicalcrm.passwordreset;

import java.security.SecureRandom;
import java.util.HexFormat;

import com.practicalcrm.common.LinkToken;

/**
 * A password-reset token (see {@link LinkToken}); the database keeps its SHA-256 in hex.
 */
final class ResetToken {

    private final String value;

    private ResetToken(String value) {
        this.value = value;
    }

    static ResetToken generate(SecureRandom random) {
        return new ResetToken(LinkToken.generate(random));
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
        return HexFormat.of().formatHex(LinkToken.sha256(token));
    }

    @Override
    public String toString() {
        return "ResetToken[hidden]";
    }
}
