package com.practicalcrm.emailchange;

import java.security.SecureRandom;

import com.practicalcrm.common.LinkToken;

/** The secret in an email confirmation link; see {@link LinkToken}. */
final class EmailChangeToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EmailChangeToken() {
    }

    static String generate() {
        return LinkToken.generate(RANDOM);
    }

    static byte[] hash(String token) {
        return LinkToken.sha256(token);
    }

    static boolean isWellFormed(String token) {
        return LinkToken.isWellFormed(token);
    }
}
