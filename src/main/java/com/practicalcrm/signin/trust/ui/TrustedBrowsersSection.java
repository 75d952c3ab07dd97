package com.practicalcrm.signin.trust.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.practicalcrm.common.UserId;
import com.practicalcrm.common.ui.LocalDates;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.signin.trust.TrustedBrowser;
import com.practicalcrm.signin.trust.TrustedBrowsers;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;

/**
 * "Remembered browsers": where the code step is skipped (browser and address when added, added, last used), each
 * with Remove.
 */
final class TrustedBrowsersSection extends Section {

    static final String EMPTY = "No browser is remembered. Tick \"Remember this browser for 30 days\" when you enter "
            + "your authenticator code to skip the code on that browser.";

    final Grid<TrustedBrowser> grid = new Grid<>();
    final Paragraph empty = new Paragraph(EMPTY);
    private final TrustedBrowsers trustedBrowsers;
    private final ClientInfoResolver clients;
    private final UserId user;
    private ZoneId zone = ZoneId.of("UTC");

    TrustedBrowsersSection(TrustedBrowsers trustedBrowsers, ClientInfoResolver clients, UserId user) {
        this.trustedBrowsers = trustedBrowsers;
        this.clients = clients;
        this.user = user;
        addClassName("profile-section");
        grid.addColumn(b -> b.client().browser()).setHeader("Browser").setAutoWidth(true);
        grid.addColumn(b -> b.client().addressOrUnknown()).setHeader("Address when added").setAutoWidth(true);
        grid.addColumn(b -> LocalDates.dateTime(b.addedAt(), zone, locale())).setHeader("Added").setAutoWidth(true);
        grid.addColumn(b -> LocalDates.dateTime(b.lastUsedAt(), zone, locale())).setHeader("Last used")
                .setAutoWidth(true);
        grid.addComponentColumn(this::removeButton).setHeader("").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.getElement().setAttribute("aria-label", "Remembered browsers");
        add(new H2("Remembered browsers"),
                new Paragraph("Browsers where you chose \"Remember this browser for 30 days\": they skip the "
                        + "authenticator code (your password is still asked). A password reset, turning 2FA off, "
                        + "\"Sign out other sessions\" and \"This wasn't me\" forget them all."),
                grid, empty);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        LocalDates.withBrowserZone(attachEvent.getUI(), browserZone -> {
            zone = browserZone;
            grid.getDataProvider().refreshAll();
        });
    }

    void refresh() {
        List<TrustedBrowser> list = trustedBrowsers.list(user);
        grid.setItems(list);
        grid.setVisible(!list.isEmpty());
        empty.setVisible(list.isEmpty());
    }

    private Button removeButton(TrustedBrowser browser) {
        Button remove = new Button("Remove", e -> {
            trustedBrowsers.remove(user, browser.id(), clients.current());
            refresh();
        });
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        remove.getElement().setAttribute("aria-label", "Remove " + browser.client().browser());
        return remove;
    }

    private Locale locale() {
        return getLocale() == null ? Locale.ENGLISH : getLocale();
    }
}
