package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.practicalcrm.common.EmailAddress;

class OtpAuthUriTest {

    private static final TotpSecret SECRET = TotpSecret.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

    @Test
    void forAccountFollowsKeyUriFormatWithIssuerInLabelAndParameter() {
        String uri = OtpAuthUri.forAccount(EmailAddress.of("ann@example.com"), SECRET);

        assertThat(uri).isEqualTo("otpauth://totp/PracticalCRM:ann@example.com"
                + "?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=PracticalCRM&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void forAccountPercentEncodesCharactersThatWouldChangeTheUrisMeaning() {
        String uri = OtpAuthUri.forAccount(EmailAddress.of("ann+crm&x=1/2?#%@example.com"), SECRET);

        assertThat(uri).startsWith("otpauth://totp/PracticalCRM:ann%2Bcrm%26x%3D1%2F2%3F%23%25@example.com?secret=");
    }

    @Test
    void forAccountGivesAUriWhoseDecodedLabelIsIssuerAndEmail() {
        String email = "o'brien+work@example.com";

        URI uri = URI.create(OtpAuthUri.forAccount(EmailAddress.of(email), SECRET));

        assertThat(uri.getScheme()).isEqualTo("otpauth");
        assertThat(uri.getHost()).isEqualTo("totp");
        assertThat(uri.getPath()).isEqualTo("/PracticalCRM:" + email);
        assertThat(uri.getQuery()).contains("secret=" + SECRET.base32(), "issuer=PracticalCRM");
    }

    @Test
    void encodeWritesSpacesAsPercentTwentyAndNonAsciiAsUtf8Bytes() {
        assertThat(OtpAuthUri.encode("ACME Co")).isEqualTo("ACME%20Co");
        assertThat(OtpAuthUri.encode("Zoë")).isEqualTo("Zo%C3%AB");
        assertThat(OtpAuthUri.encode("a-b.c_d~e")).isEqualTo("a-b.c_d~e");
    }
}
