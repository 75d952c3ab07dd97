package com.practicalcrm.sessions.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.practicalcrm.common.ui.LocalDates;
import com.practicalcrm.common.ui.StackedTable;
import com.practicalcrm.sessions.ActiveSession;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;

/**
 * "Sessions": where the user is signed in (browser, address, last active, which one is this), with
 * Sign out other sessions.
 */
public final class SessionsSection extends Section {

    static final String THIS_SESSION = "This session";
    static final String SIGN_OUT = "Sign out";

    final StackedTable<ActiveSession> table = new StackedTable<>("Sessions");
    final Button signOutOthers = new Button("Sign out other sessions");
    private final Supplier<List<ActiveSession>> sessions;
    private final String currentKey;
    private ZoneId zone = ZoneId.of("UTC");

    /**
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
                .addComponentColumn("", this::thisSessionBadge)
                .addComponentColumn("", session -> signOutButton(session, onSignOut));
        signOutOthers.addClickListener(e -> onSignOutOthers.run());
        add(new H2("Sessions"),
                new Paragraph("Where you are signed in now. If you see a session you do not recognise, sign out "
                        + "the other sessions and reset your password."),
                table, signOutOthers);
        refresh();
    }

    public void refresh() {
        List<ActiveSession> list = sessions.get();
        table.setItems(list);
        signOutOthers.setEnabled(list.stream().anyMatch(s -> !isCurrent(s)));
    }

    public void showIn(ZoneId zone) {
        this.zone = zone;
        table.refresh();
    }

    boolean isCurrent(ActiveSession session) {
        return Objects.equals(session.key(), currentKey);
    }

    /** Ends that one session everywhere; on the viewer's own row it is an ordinary sign-out. */
    private Button signOutButton(ActiveSession session, Consumer<ActiveSession> onSignOut) {
        Button signOut = new Button(SIGN_OUT, e -> onSignOut.accept(session));
        signOut.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        signOut.getElement().setAttribute("aria-label", SIGN_OUT + " " + session.client().browser()
                + (isCurrent(session) ? " (" + THIS_SESSION + ")" : ""));
        return signOut;
    }

    private Span thisSessionBadge(ActiveSession session) {
        Span badge = new Span(isCurrent(session) ? THIS_SESSION : "");
        if (isCurrent(session)) {
            badge.getElement().getThemeList().add("badge success");
        }
        return badge;
    }

    private Locale locale() {
        return getLocale() == null ? Locale.ENGLISH : getLocale();
    }
}
