package com.practicalcrm.sessions.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.ui.TableRows;
import com.practicalcrm.profile.ui.ProfilePage;
import com.practicalcrm.profile.ui.ProfileView;
import com.practicalcrm.reauth.ConfirmItsYouPrompt;
import com.practicalcrm.sessions.UserSessions;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.server.VaadinSession;

/** The profile's Sessions section: the list, this session marked, Sign out other sessions. */
@PracticalCrmTest
class SessionsSectionTest extends SpringBrowserlessTest {

    private static final ClientInfo CHROME = new ClientInfo("203.0.113.9",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36");
    private static final ClientInfo FIREFOX = new ClientInfo("198.51.100.4",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0");

    @Autowired
    TestAccounts accounts;
    @Autowired
    UserSessions sessions;

    @Autowired
    MutableTestClock clock;

    @AfterEach
    void signOut() {
        accounts.signOut();
        clock.reset();
    }

    @Test
    void sessionsListMarksThisSessionAndSignsOutTheOthersAfterConfirmItsYou() {
        UserProfile user = accounts.create("Many Devices");
        String thisKey = sessions.register(user.id(), 0, CHROME).orElseThrow();
        sessions.register(user.id(), 0, FIREFOX).orElseThrow();
        VaadinSession.getCurrent().getSession().setAttribute(UserSessions.KEY_ATTRIBUTE, thisKey);
        accounts.signIn(user);

        ProfilePage.browserAsksForLaterSections(navigate(ProfileView.class));
        SessionsSection section = $(SessionsSection.class).single();
        var table = section.table;
        var rows = TableRows.of(table);
        assertThat(rows).hasSize(2);
        int thisRow = rows.get(0).get(0).startsWith("Chrome") ? 0 : 1;
        assertThat(rows.get(thisRow).get(1)).isEqualTo("203.0.113.9");
        assertThat(rows.get(thisRow).get(3)).isEqualTo("This session");
        assertThat(TableRows.badges(table)).containsExactly("This session");
        assertThat(rows.get(1 - thisRow).get(3)).isEmpty();
        assertThat(rows.get(1 - thisRow).get(0)).isEqualTo("Firefox 128 on Windows");
        assertThat(TableRows.buttons(table)).containsExactlyInAnyOrder("Sign out Chrome 156 on Linux (This session)",
                "Sign out Firefox 128 on Windows");

        clock.advance(Duration.ofMinutes(11));
        test(section.signOutOthers).click();
        SignOutOtherSessionsDialog dialog = $(SignOutOtherSessionsDialog.class).single();
        test(dialog.confirm).click();
        ConfirmItsYouPrompt prompt = ConfirmItsYouPrompt.shown();
        prompt.type("not-my-password-at-all").clickConfirm();
        assertThat(prompt.error()).isEqualTo("That password is not correct.");
        assertThat(sessions.active(user.id())).hasSize(2);

        prompt.type(TestAccounts.PASSWORD).clickConfirm();

        assertThat(prompt.isOpen()).isFalse();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(sessions.active(user.id())).extracting(s -> s.key()).containsExactly(thisKey);
        assertThat(TableRows.of(table)).hasSize(1);
        assertThat(section.signOutOthers.isEnabled()).isFalse();
    }

    @Test
    void signOutOnARowEndsThatSessionOnly() {
        UserProfile user = accounts.create("Row Signer");
        String thisKey = sessions.register(user.id(), 0, CHROME).orElseThrow();
        String otherKey = sessions.register(user.id(), 0, FIREFOX).orElseThrow();
        VaadinSession.getCurrent().getSession().setAttribute(UserSessions.KEY_ATTRIBUTE, thisKey);
        accounts.signIn(user);

        ProfilePage.browserAsksForLaterSections(navigate(ProfileView.class));
        SessionsSection section = $(SessionsSection.class).single();
        var table = section.table;
        assertThat(TableRows.of(table)).extracting(row -> row.get(4)).containsOnly("Sign out");
        clock.advance(Duration.ofMinutes(11));
        TableRows.click(table, "Sign out Firefox 128 on Windows");
        assertThat(sessions.active(user.id())).as("not before Confirm it's you").hasSize(2);
        ConfirmItsYouPrompt.shown().type(TestAccounts.PASSWORD).clickConfirm();

        assertThat(sessions.active(user.id())).extracting(s -> s.key()).containsExactly(thisKey)
                .doesNotContain(otherKey);
        assertThat(TableRows.of(table)).hasSize(1);
        assertThat(TableRows.buttons(table)).containsExactly("Sign out Chrome 156 on Linux (This session)");
    }
}
