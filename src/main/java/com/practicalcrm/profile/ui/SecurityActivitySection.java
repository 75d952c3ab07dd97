package com.practicalcrm.profile.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.practicalcrm.common.ui.LocalDates;
import com.practicalcrm.common.ui.StackedTable;
import com.practicalcrm.security.events.SecurityEvent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;

/** "Security activity": the user's latest security events with time, browser and client address. */
final class SecurityActivitySection extends Section {

    static final int SHOWN_EVENTS = 20;

    final StackedTable<SecurityEvent> table = new StackedTable<>("Security activity");
    private ZoneId zone = ZoneId.of("UTC");

    SecurityActivitySection(List<SecurityEvent> events) {
        addClassName("profile-section");
        table.addColumn("Time", e -> LocalDates.dateTime(e.occurredAt(), zone, locale()))
                .addColumn("Event", e -> e.type().label())
                .addColumn("Browser", e -> e.client().browser())
                .addColumn("Address", e -> e.client().addressOrUnknown());
        table.setItems(events);
        add(new H2("Security activity"),
                new Paragraph("Your latest " + SHOWN_EVENTS + " sign-ins and security changes of the last 90 days. "
                        + "If you do not recognise one, reset your password."),
                table);
    }

    /** Shows the times in the browser's time zone once it is known. */
    void showIn(ZoneId zone) {
        this.zone = zone;
        table.refresh();
    }

    private Locale locale() {
        return getLocale() == null ? Locale.ENGLISH : getLocale();
    }
}
