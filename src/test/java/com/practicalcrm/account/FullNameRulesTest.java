package com.practicalcrm.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names are stored without control characters or text-direction marks (they would reach pages, mails, logs). */
class FullNameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Ada\r\nLovelace", "Ada\nINFO forged log line", "Ada\tLovelace", "Ada\u0000", "Ada\u001b[31m",
            "Ada\u007f", "Ada\u0085", "Ada\u009b", "Ada\u2028Lovelace", "Ada\u2029",
            "Ada \u202eecalevoL", "\u202aAda", "\u202bAda", "\u202cAda", "\u202dAda",
            "\u2066Ada", "\u2067Ada", "\u2068Ada", "\u2069Ada", "Ada\u200e", "Ada\u200f", "Ada\u061c"})
    void controlAndDirectionCharactersAreRefusedWithAClearMessage(String name) {
        assertThatThrownBy(() -> UserService.validName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(UserService.UNSAFE_NAME)
                .hasMessageContaining("line breaks")
                .hasMessageContaining("text-direction marks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada Lovelace", "José Ñúñez-O'Brien", "محمد بن موسى", "דוד בן-גוריון", "李小龙",
            "Zoë d’Arc", "Mary-Jane Smith Jr.", "Emoji 👩‍🔬 Person", "ناصر\u200cالدين"})
    void ordinaryNamesInAnyScriptAreKept(String name) {
        assertThat(UserService.validName(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"  Ada   Lovelace ", "Ada  Lovelace\u3000"})
    void spacesAreStillTrimmedAndJoined(String name) {
        assertThat(UserService.validName(name)).isEqualTo("Ada Lovelace");
    }
}
