package com.practicalcrm.sessions.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.practicalcrm.common.ui.LocalDates;
import com.practicalcrm.common.ui.ReadOnlyTable;
import com.practicalcrm.common.ui.SectionIntro;
import com.practicalcrm.sessions.ActiveSession;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Section;

/**
 * "Sessions": where the user is signed in (browser, address, last active, which one is this), with
 * Sign out on each row and Sign out other sessions. The table is one element with its rows as HTML and one click
 * listener for the rows' Sign out buttons ({@link ReadOnlyTable}), not a component per cell: each user's profile
 * holds it for as long as it is open.
 */
public final class SessionsSection extends Section {

    static final String THIS_SESSION = "This session";
    static final String SIGN_OUT = "Sign out";

    final ReadOnlyTable<ActiveSession> table = new ReadOnlyTable<>("Sessions");
    final Button signOutOthers = new Button("Sign out other sessions");
    private final Supplier<List<ActiveSession>> sessions;
    private final String currentKey;
    private List<ActiveSession> shown = List.of();
    private ZoneId zone = LocalDates.knownZone();

    /**
     * The list is empty until the first {@link #refresh()}, which reads it.
     *
     * @param currentKey   registry key of the viewer's own session (null if it is not registered)
     * @param onSignOutOthers opens the password confirmation; it calls {@link #refresh()} when done
     */
    public SessionsSection(Supplier<List<ActiveSession>> sessions, String currentKey, Runnable onSignOutOthers,
                           Consumer<ActiveSession> onSignOut) {
        this.sessions = sessions;
        this.currentKey = currentKey;
        addClassName("profile-section");
        table.addColumn("Browser", s -> s.client().browser())
                .addColumn("Address", s -> s.client().addressOrUnknown())
                .addColumn("Last active", s -> LocalDates.dateTime(s.lastSeenAt(), zone, locale()))
                .addBadgeColumn("", s -> isCurrent(s) ? THIS_SESSION : "", "badge success")
                // Ends that one session everywhere; on the viewer's own row it is an ordinary sign-out.
                .addButtonColumn(SIGN_OUT, s -> SIGN_OUT + " " + s.client().browser()
                        + (isCurrent(s) ? " (" + THIS_SESSION + ")" : ""), onSignOut);
        signOutOthers.addClickListener(e -> onSignOutOthers.run());
        add(new SectionIntro("Sessions", "Where you are signed in now. If you see a session you do not recognise, "
                        + "sign out the other sessions and reset your password."),
                table, signOutOthers);
        signOutOthers.getElement().setEnabled(false);
    }

    public void refresh() {
        shown = sessions.get();
        table.setItems(shown);
        // The element's own state, which the browser applies as the button's disabled attribute. Button.setEnabled
        // would also send a script for Vaadin's disable-on-click (not used here), whose result the browser sends
        // back in a request of its own, on every visit to the profile.
        signOutOthers.getElement().setEnabled(shown.stream().anyMatch(s -> !isCurrent(s)));
    }

    /** Shows the times in the browser's time zone once it is known. */
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
