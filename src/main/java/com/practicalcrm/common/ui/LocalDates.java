package com.practicalcrm.common.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;

/** Shows instants in the browser's time zone and locale. */
public final class LocalDates {

    private static final ZoneId UTC = ZoneId.of("UTC");

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
     * The time zone of the current UI's browser when Vaadin knows it already (its client sends it when the page
     * starts), else UTC; see {@link #withBrowserZone} for the browsers that have not sent it yet.
     */
    public static ZoneId knownZone() {
        UI ui = UI.getCurrent();
        return ui == null ? UTC : zoneOf(ui.getPage().getExtendedClientDetails()).orElse(UTC);
    }

    /**
     * Calls back with the browser's time zone: at once when Vaadin knows it, else when the browser has answered
     * (never, e.g. in tests without a browser). Views start with {@link #knownZone()} and show their times again
     * only when the zone differs.
     */
    public static void withBrowserZone(UI ui, Consumer<ZoneId> callback) {
        ui.getPage().retrieveExtendedClientDetails(details -> zoneOf(details).ifPresent(callback));
    }

    private static Optional<ZoneId> zoneOf(ExtendedClientDetails details) {
        String zone = details == null || details.getScreenWidth() == -1 ? null : details.getTimeZoneId();
        if (zone == null || zone.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zone));
        } catch (java.time.DateTimeException unknown) {
            // An unknown zone id from the browser keeps UTC.
            return Optional.empty();
        }
    }
}
