package com.practicalcrm.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void lineBreaksAndTabsAreWrittenAsEscapes() {
        assertThat(LogSafe.escape("a\r\nb\tc\nd")).isEqualTo("a\\r\\nb\\tc\\nd");
    }

    @Test
    void otherControlAndDirectionCharactersAreWrittenAsUnicodeEscapes() {
        assertThat(LogSafe.escape("\u001b[31mred\u0000\u0085\u2028x\u202eabc\u2066\u200f"))
                .isEqualTo("\\u001b[31mred\\u0000\\u0085\\u2028x\\u202eabc\\u2066\\u200f");
    }

    @Test
    void aBackslashIsDoubledSoThatEveryEscapeInTheLogComesFromHere() {
        assertThat(LogSafe.escape("C:\\temp\\n")).isEqualTo("C:\\\\temp\\\\n");
    }

    @Test
    void ordinaryTextInAnyScriptIsLeftAlone() {
        assertThat(LogSafe.escape("/profile?x=1 José 李 محمد Mozilla/5.0 (X11; Linux x86_64)"))
                .isEqualTo("/profile?x=1 José 李 محمد Mozilla/5.0 (X11; Linux x86_64)");
    }

    @Test
    void nullAndOtherObjects() {
        assertThat(LogSafe.escape(null)).isEqualTo("null");
        assertThat(LogSafe.escape(new StringBuilder("a\nb"))).isEqualTo("a\\nb");
    }

    @Test
    void veryLongValuesAreCut() {
        String escaped = LogSafe.escape("x".repeat(LogSafe.MAX_LENGTH + 5));

        assertThat(escaped).startsWith("x".repeat(LogSafe.MAX_LENGTH)).endsWith("…(5 more characters)");
        assertThat(LogSafe.escape("abcdef", 3)).isEqualTo("abc…(3 more characters)");
    }
}
