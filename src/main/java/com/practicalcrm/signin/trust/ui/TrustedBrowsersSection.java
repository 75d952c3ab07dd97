package com.practicalcrm.signin.trust.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.practicalcrm.common.UserId;
import com.practicalcrm.common.ui.LocalDates;
import com.practicalcrm.common.ui.ReadOnlyTable;
import com.practicalcrm.common.ui.SectionIntro;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.signin.trust.TrustedBrowser;
import com.practicalcrm.signin.trust.TrustedBrowsers;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Section;

/**
 * "Remembered browsers": where the code step is skipped (browser and address when added, added, last used), each
 * with Remove. Most users have none: then the section is its heading and two sentences, and the table (one element,
 * rows as HTML, see {@link ReadOnlyTable}) is only made for a list to show.
 */
final class TrustedBrowsersSection extends Section {

    static final String ABOUT = "Browsers where you chose \"Remember this browser for 30 days\": they skip the "
            + "authenticator code (your password is still asked). A password reset, turning 2FA off, "
            + "\"Sign out other sessions\" and \"This wasn't me\" forget them all.";
    static final String EMPTY = "No browser is remembered. Tick \"Remember this browser for 30 days\" when you enter "
            + "your authenticator code to skip the code on that browser.";

    private static final String HEADING = "Remembered browsers";

    /** Made when there is something to list. */
    ReadOnlyTable<TrustedBrowser> table;
    /** Heading and texts; with no browser to list, also the sentence that says so. */
    SectionIntro intro;
    private boolean introSaysNone;
    private List<TrustedBrowser> shown = List.of();
    private final TrustedBrowsers trustedBrowsers;
    private final ClientInfoResolver clients;
    private final UserId user;
    private ZoneId zone = LocalDates.knownZone();

    TrustedBrowsersSection(TrustedBrowsers trustedBrowsers, ClientInfoResolver clients, UserId user) {
        this.trustedBrowsers = trustedBrowsers;
        this.clients = clients;
        this.user = user;
        addClassName("profile-section");
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        LocalDates.withBrowserZone(attachEvent.getUI(), browserZone -> {
            if (!browserZone.equals(zone)) {
                zone = browserZone;
                show();
            }
        });
    }

    void refresh() {
        shown = trustedBrowsers.list(user);
        show();
    }

    private void show() {
        boolean none = shown.isEmpty();
        if (intro == null || introSaysNone != none) {
            SectionIntro updated = none ? new SectionIntro(HEADING, ABOUT, EMPTY) : new SectionIntro(HEADING, ABOUT);
            if (intro == null) {
                addComponentAsFirst(updated);
            } else {
                replace(intro, updated);
            }
            intro = updated;
            introSaysNone = none;
        }
        if (table == null && !none) {
            table = new ReadOnlyTable<TrustedBrowser>("Remembered browsers")
                    .addColumn("Browser", b -> b.client().browser())
                    .addColumn("Address when added", b -> b.client().addressOrUnknown())
                    .addColumn("Added", b -> LocalDates.dateTime(b.addedAt(), zone, locale()))
                    .addColumn("Last used", b -> LocalDates.dateTime(b.lastUsedAt(), zone, locale()))
                    .addButtonColumn("Remove", b -> "Remove " + b.client().browser(), this::remove);
            add(table);
        }
        if (table != null) {
            table.setItems(shown);
            table.setVisible(!none);
        }
    }

    private void remove(TrustedBrowser browser) {
        trustedBrowsers.remove(user, browser.id(), clients.current());
        refresh();
    }

    private Locale locale() {
        return getLocale() == null ? Locale.ENGLISH : getLocale();
    }
}
