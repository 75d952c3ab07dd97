package com.practicalcrm.profile.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.practicalcrm.common.ui.LocalDates;
import com.practicalcrm.common.ui.ReadOnlyTable;
import com.practicalcrm.common.ui.SectionIntro;
import com.practicalcrm.security.events.SecurityEvent;
import com.vaadin.flow.component.html.Section;

/** "Security activity": the user's latest security events with time, browser and client address. */
final class SecurityActivitySection extends Section {

    static final int SHOWN_EVENTS = 20;

    final ReadOnlyTable<SecurityEvent> table = new ReadOnlyTable<>("Security activity");
    // Asked again for a new time zone rather than kept: every open profile page would hold a copy.
    private final Supplier<List<SecurityEvent>> events;
    private ZoneId zone = LocalDates.knownZone();
    private boolean loaded;

    /** Empty until {@link #load()}. */
    SecurityActivitySection(Supplier<List<SecurityEvent>> events) {
        this.events = events;
        addClassName("profile-section");
        table.addColumn("Time", e -> LocalDates.dateTime(e.occurredAt(), zone, locale()))
                .addColumn("Event", e -> e.type().label())
                .addColumn("Browser", e -> e.client().browser())
                .addColumn("Address", e -> e.client().addressOrUnknown());
        table.addClassName("striped");
        add(new SectionIntro("Security activity", "Your latest " + SHOWN_EVENTS + " sign-ins and security changes of the last 90 days. "
                        + "If you do not recognise one, reset your password."),
                table);
    }

    /** Reads the events and shows them (the section is empty until then). */
    void load() {
        loaded = true;
        table.setItems(events.get());
    }

    /** Shows the times in the browser's time zone once it is known. */
    void showIn(ZoneId zone) {
        if (!zone.equals(this.zone)) {
            this.zone = zone;
            if (loaded) {
                table.setItems(events.get());
            }
        }
    }

    private Locale locale() {
        return getLocale() == null ? Locale.ENGLISH : getLocale();
    }
}
