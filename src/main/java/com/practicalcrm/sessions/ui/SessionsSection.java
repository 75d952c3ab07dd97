package com.practicalcrm.sessions.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import com.practicalcrm.common.ui.LocalDates;
import com.practicalcrm.common.ui.ReadOnlyTable;
import com.practicalcrm.sessions.ActiveSession;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;

/**
 * "Sessions": where the user is signed in (browser, address, last active, which one is this), with
 * Sign out other sessions.
 */
public final class SessionsSection extends Section {

    static final String THIS_SESSION = "This session";

    final ReadOnlyTable<ActiveSession> table = new ReadOnlyTable<>("Sessions");
    final Button signOutOthers = new Button("Sign out other sessions");
    private final Supplier<List<ActiveSession>> sessions;
    private final String currentKey;
    private List<ActiveSession> shown = List.of();
    private ZoneId zone = ZoneId.of("UTC");

    /**
     * @param currentKey   registry key of the viewer's own session (null if it is not registered)
     * @param onSignOutOthers opens the password confirmation; it calls {@link #refresh()} when done
     */
    public SessionsSection(Supplier<List<ActiveSession>> sessions, String currentKey, Runnable onSignOutOthers) {
        this.sessions = sessions;
        this.currentKey = currentKey;
        addClassName("profile-section");
        table.addColumn("Browser", s -> s.client().browser())
                .addColumn("Address", s -> s.client().addressOrUnknown())
                .addColumn("Last active", s -> LocalDates.dateTime(s.lastSeenAt(), zone, locale()))
                .addBadgeColumn("", s -> isCurrent(s) ? THIS_SESSION : "", "badge success");
        signOutOthers.addClickListener(e -> onSignOutOthers.run());
        add(new H2("Sessions"),
                new Paragraph("Where you are signed in now. If you see a session you do not recognise, sign out "
                        + "the other sessions and reset your password."),
                table, signOutOthers);
        refresh();
    }

    public void refresh() {
        shown = List.copyOf(sessions.get());
        table.setItems(shown);
        signOutOthers.setEnabled(shown.stream().anyMatch(s -> !isCurrent(s)));
    }

    public void showIn(ZoneId zone) {
        if (!zone.equals(this.zone)) {
            this.zone = zone;
            table.setItems(shown);
        }
    }

    boolean isCurrent(ActiveSession session) {
        return Objects.equals(session.key(), currentKey);
    }

    private Locale locale() {
        return getLocale() == null ? Locale.ENGLISH : getLocale();
    }
}
