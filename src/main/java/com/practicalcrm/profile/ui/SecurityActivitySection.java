package com.practicalcrm.profile.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.practicalcrm.common.ui.LocalDates;
import com.practicalcrm.security.events.SecurityEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;

/** "Security activity": the user's latest security events with time, browser and client address. */
final class SecurityActivitySection extends Section {

    static final int SHOWN_EVENTS = 20;

    final Grid<SecurityEvent> grid = new Grid<>();
    private ZoneId zone = ZoneId.of("UTC");

    SecurityActivitySection(List<SecurityEvent> events) {
        addClassName("profile-section");
        grid.addColumn(e -> LocalDates.dateTime(e.occurredAt(), zone, locale())).setHeader("Time").setAutoWidth(true);
        grid.addColumn(e -> e.type().label()).setHeader("Event").setAutoWidth(true);
        grid.addColumn(e -> e.client().browser()).setHeader("Browser").setAutoWidth(true);
        grid.addColumn(e -> e.client().addressOrUnknown()).setHeader("Address").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(events);
        grid.getElement().setAttribute("aria-label", "Security activity");
        add(new H2("Security activity"),
                new Paragraph("Your latest " + SHOWN_EVENTS + " sign-ins and security changes of the last 90 days. "
                        + "If you do not recognise one, reset your password."),
                grid);
    }

    /** Shows the times in the browser's time zone once it is known. */
    void showIn(ZoneId zone) {
        this.zone = zone;
        grid.getDataProvider().refreshAll();
    }

    private Locale locale() {
        return getLocale() == null ? Locale.ENGLISH : getLocale();
    }
}
