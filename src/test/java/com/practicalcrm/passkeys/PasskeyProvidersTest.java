package com.practicalcrm.passkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** Provider names from a file in the format of the community AAGUID list. */
class PasskeyProvidersTest {

    @Test
    void namesComeFromTheListAndUnknownAaguidsAreSecurityKeys() {
        PasskeyProviders providers = new PasskeyProviders("classpath:passkeys/provider-names.json",
                new DefaultResourceLoader());
        assertThat(providers.nameOf("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4")).isEqualTo("Security key");

        providers.refresh();

        assertThat(providers.nameOf("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4")).isEqualTo("Google Password Manager");
        assertThat(providers.nameOf("FBFC3007-154E-4ECC-8C0B-6E020557D7BD")).isEqualTo("iCloud Keychain");
        assertThat(providers.nameOf("0badc0de-0000-4000-8000-000000000001")).isEqualTo("Test Passkey Manager");
        assertThat(providers.nameOf("0badc0de-0000-4000-8000-000000000002")).as("entry without a name")
                .isEqualTo("Security key");
        assertThat(providers.nameOf("00000000-0000-0000-0000-000000000000")).isEqualTo("Security key");
        assertThat(providers.nameOf(null)).isEqualTo("Security key");
    }

    @Test
    void anEmptiedOrBrokenListKeepsTheNamesAlreadyKnown() {
        PasskeyProviders providers = new PasskeyProviders("classpath:passkeys/provider-names.json",
                new DefaultResourceLoader());
        providers.refresh();
        assertThat(PasskeyProviders.parse(stream("{}"))).isEmpty();
        assertThatThrownBy(() -> PasskeyProviders.parse(stream("[]"))).isInstanceOf(IllegalArgumentException.class);

        new PasskeyProviders("classpath:passkeys/missing.json", new DefaultResourceLoader()).refresh();
        assertThat(providers.nameOf("08987058-cadc-4b81-b6e1-30de50dcbe96")).isEqualTo("Windows Hello");
    }

    @Test
    void theDefaultSourceIsTheMaintainedCommunityList() {
        assertThat(PasskeyProviders.DEFAULT_URL).isEqualTo("https://raw.githubusercontent.com/passkeydeveloper/"
                + "passkey-authenticator-aaguids/main/aaguid.json");
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
