package com.practicalcrm.common.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.UI;

/** Shows instants in the browser's time zone and locale. */
public final class LocalDates {

    private LocalDates() {
    }

    public static String date(Instant instant, ZoneId zone, Locale locale) {
        return latin1Spaces(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(instant.atZone(zone)));
    }

    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return latin1Spaces(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .format(instant.atZone(zone)));
    }

    /**
     * CLDR puts a narrow no-break space (U+202F) before "AM"/"PM" and in some date formats. One such character
     * makes Java store the whole text of Vaadin's answer (which Vaadin keeps per UI) at two bytes a character
     * instead of one; a plain no-break space looks the same and keeps it at one.
     */
    private static String latin1Spaces(String formatted) {
        return formatted.replace('\u202F', '\u00A0');
    }

    /**
     * Calls back with the browser's time zone once Vaadin knows it (UTC until then, e.g. in tests without a
     * browser).
     */
    public static void withBrowserZone(UI ui, Consumer<ZoneId> callback) {
        callback.accept(ZoneId.of("UTC"));
        ui.getPage().retrieveExtendedClientDetails(details -> {
            String zone = details.getTimeZoneId();
            if (zone != null && !zone.isBlank()) {
                try {
                    callback.accept(ZoneId.of(zone));
                } catch (java.time.DateTimeException ignored) {
                    // An unknown zone id from the browser keeps UTC.
                }
            }
        });
    }
}
