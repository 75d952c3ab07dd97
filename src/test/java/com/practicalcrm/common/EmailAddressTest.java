package com.practicalcrm.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void addressIsStoredTrimmedAndLowerCase() {
        assertThat(EmailAddress.of("  Ann.Smith+crm@Example.COM ").value()).isEqualTo("ann.smith+crm@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ann", "ann@", "@example.com", "ann@example", "ann@@example.com",
            "ann smith@example.com", "ann..smith@example.com", ".ann@example.com", "ann@-example.com",
            "ann@example..com", "ann@exa_mple.com"})
    void malformedAddressesAreRefusedWithAHelpfulMessage(String input) {
        assertThat(EmailAddress.isValidInput(input)).isFalse();
        assertThatThrownBy(() -> EmailAddress.of(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Enter a valid email address, like name@example.com");
    }

    @Test
    void overlongAddressesAreRefused() {
        String local65 = "a".repeat(65);
        assertThat(EmailAddress.isValidInput(local65 + "@example.com")).isFalse();
        String longDomain = ("d".repeat(60) + ".").repeat(4) + "com"; // 247 characters
        assertThat(EmailAddress.isValidInput("abcdefg@" + longDomain)).isFalse();
        assertThat(EmailAddress.isValidInput("a".repeat(64) + "@example.com")).isTrue();
    }

    @Test
    void nullIsNotAnAddress() {
        assertThat(EmailAddress.isValidInput(null)).isFalse();
    }
}
