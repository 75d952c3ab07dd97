package com.practicalcrm.passkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The relying party from the base URL, and what overrides it. */
class PasskeySettingsTest {

    @Test
    void relyingPartyAndOriginComeFromTheBaseUrl() {
        PasskeySettings settings = new PasskeySettings("https://crm.example.com/", "", "");
        assertThat(settings.rpId()).isEqualTo("crm.example.com");
        assertThat(settings.allowedOrigins()).containsExactly("https://crm.example.com");

        PasskeySettings withPort = new PasskeySettings("http://localhost:8080", "", "");
        assertThat(withPort.rpId()).isEqualTo("localhost");
        assertThat(withPort.allowedOrigins()).containsExactly("http://localhost:8080");
    }

    @Test
    void settingsOverrideTheBaseUrl() {
        PasskeySettings settings = new PasskeySettings("https://crm.example.com", "example.com",
                "https://crm.example.com, https://login.example.com:8443");
        assertThat(settings.rpId()).isEqualTo("example.com");
        assertThat(settings.allowedOrigins())
                .containsExactlyInAnyOrder("https://crm.example.com", "https://login.example.com:8443");
    }

    @Test
    void anIpAddressCannotBeTheRelyingParty() {
        assertThatThrownBy(() -> new PasskeySettings("http://192.168.1.10:8080", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> new PasskeySettings("http://[::1]:8080", "", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasskeySettings("https://crm.example.com", "", "crm.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("practicalcrm.passkeys.allowed-origins");
    }
}
