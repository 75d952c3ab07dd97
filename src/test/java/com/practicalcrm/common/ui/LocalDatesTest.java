package com.practicalcrm.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class LocalDatesTest {

    private static final Instant AFTERNOON = Instant.parse("2026-11-30T14:05:09Z");

    @Test
    void timesAreWrittenWithLatin1CharactersOnly() {
        // CLDR writes "2:05:09\u202FPM"; a no-break space keeps the text (and Vaadin's answer) one byte a character.
        String text = LocalDates.dateTime(AFTERNOON, ZoneId.of("UTC"), Locale.US);

        assertThat(text).isEqualTo("Nov 30, 2026, 2:05:09\u00A0PM");
        assertThat(text.chars()).allMatch(c -> c <= 0xFF);
    }

    @Test
    void datesFollowTheZoneAndLocale() {
        assertThat(LocalDates.date(AFTERNOON, ZoneId.of("Pacific/Kiritimati"), Locale.UK))
                .isEqualTo("1 December 2026");
    }
}
