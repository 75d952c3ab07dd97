package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TotpSecretTest {

    private static final String BASE32 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @Test
    void generateGivesTwentyRandomBytesShownAsThirtyTwoBase32Characters() {
        SecureRandom random = new SecureRandom();
        TotpSecret first = TotpSecret.generate(random);
        TotpSecret second = TotpSecret.generate(random);

        assertThat(first.bytes()).hasSize(20);
        assertThat(first.base32()).hasSize(32).matches("[A-Z2-7]+");
        assertThat(first.bytes()).isNotEqualTo(second.bytes());
    }

    @Test
    void groupedShowsGroupsOfFourSeparatedBySpaces() {
        TotpSecret secret = TotpSecret.fromBase32(BASE32);

        assertThat(secret.grouped()).isEqualTo("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP");
    }

    @Test
    void fromBase32AcceptsWhatPeopleCopyGroupedLowerCaseOrPadded() {
        byte[] expected = TotpSecret.fromBase32(BASE32).bytes();

        assertThat(TotpSecret.fromBase32("jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp").bytes()).isEqualTo(expected);
        assertThat(TotpSecret.fromBase32(" JBSW\tY3DP EHPK 3PXP\nJBSW Y3DP EHPK 3PXP ").bytes()).isEqualTo(expected);
    }

    @Test
    void base32RoundTripsAndOmitsPadding() {
        // 16 bytes need 26 characters, which standard Base32 pads to 32 with '='.
        TotpSecret sixteenBytes = TotpSecret.fromBytes(new byte[] {
                72, 101, 108, 108, 111, 33, -34, -83, -66, -17, 1, 2, 3, 4, 5, 6});

        assertThat(sixteenBytes.base32()).hasSize(26).doesNotContain("=");
        assertThat(TotpSecret.fromBase32(sixteenBytes.base32()).bytes()).isEqualTo(sixteenBytes.bytes());
        assertThat(TotpSecret.fromBase32(sixteenBytes.base32() + "======").bytes()).isEqualTo(sixteenBytes.bytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "JBSWY3DPEHPK3PX0JBSWY3DPEHPK3PXP", "JBSWY3DPEHPK3PX1JBSWY3DPEHPK3PXP",
            "JBSWY3DP-EHPK3PXPJBSWY3DPEHPK3PXP"})
    void fromBase32WhenCharactersAreOutsideTheAlphabetThenRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> TotpSecret.fromBase32(text))
                .withMessageContaining("A to Z and the digits 2 to 7");
    }

    @Test
    void fromBase32WhenShorterThan128BitsThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TotpSecret.fromBase32("JBSWY3DPEHPK3PXP"))
                .withMessageContaining("at least 16 bytes");
    }

    @Test
    void fromBase32WhenLastCharacterCannotEndAnEncodingThenRefused() {
        // 26 characters hold 130 bits for 128: the last one's two low bits must be zero, and 'B' sets one.
        String validEnding = TotpSecret.fromBytes(new byte[16]).base32();
        String impossibleEnding = validEnding.substring(0, 25) + "B";

        assertThatIllegalArgumentException().isThrownBy(() -> TotpSecret.fromBase32(impossibleEnding))
                .withMessageContaining("not complete Base32");
    }

    @Test
    void bytesIsACopyTheCallerCannotUseToChangeTheSecret() {
        TotpSecret secret = TotpSecret.fromBase32(BASE32);

        secret.bytes()[0] ^= 1;

        assertThat(secret.base32()).isEqualTo(BASE32);
    }

    @Test
    void toStringDoesNotRevealTheSecret() {
        TotpSecret secret = TotpSecret.fromBase32(BASE32);

        assertThat(secret.toString()).doesNotContain("JBSW").doesNotContain(secret.base32());
    }
}
