package com.practicalcrm.twofactor;

import java.nio.charset.StandardCharsets;

import com.practicalcrm.common.EmailAddress;

/**
 * The {@code otpauth://} URI that authenticator apps read from the setup QR code, in Google Authenticator's
 * Key Uri Format: label {@code Issuer:account}, plus the issuer again as a parameter because some apps read only
 * one of the two. The URI contains the secret, so it goes into the QR code and nowhere else (no logs, no links).
 */
final class OtpAuthUri {

    public static final String ISSUER = "PracticalCRM";

    private OtpAuthUri() {
    }

    public static String forAccount(EmailAddress account, TotpSecret secret) {
        // The ':' between issuer and account stays literal, as in the format's own examples; neither part may
        // contain one (an email address cannot).
        return "otpauth://totp/" + encode(ISSUER) + ":" + encode(account.value())
                + "?secret=" + secret.base32()
                + "&issuer=" + encode(ISSUER)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.PERIOD.toSeconds();
    }

    /**
     * RFC 3986 percent-encoding of everything but the unreserved characters and '@'. Not URLEncoder: that
     * writes a space as '+', which apps show as a plus sign, and leaves '+' ambiguous.
     */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isUnreserved(c) || c == '@') {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
