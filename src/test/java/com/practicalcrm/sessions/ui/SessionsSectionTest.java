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
import com.practicalcrm.profile.ui.ProfilePage;
import com.practicalcrm.profile.ui.ProfileView;
import com.practicalcrm.reauth.ConfirmItsYouPrompt;
import com.practicalcrm.sessions.UserSessions;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Span;
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
        assertThat(table.size()).isEqualTo(2);
        int thisRow = table.cellText(0, 0).startsWith("Chrome") ? 0 : 1;
        assertThat(table.cellText(thisRow, 1)).isEqualTo("203.0.113.9");
        assertThat(((Span) table.cell(thisRow, 3)).getText()).isEqualTo("This session");
        assertThat(((Span) table.cell(1 - thisRow, 3)).getText()).isEmpty();
        assertThat(table.cellText(1 - thisRow, 0)).isEqualTo("Firefox 128 on Windows");

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
        assertThat(table.size()).isEqualTo(1);
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
        int otherRow = table.cellText(0, 0).startsWith("Firefox") ? 0 : 1;
        com.vaadin.flow.component.button.Button signOut =
                (com.vaadin.flow.component.button.Button) table.cell(otherRow, 4);
        assertThat(signOut.getText()).isEqualTo("Sign out");
        assertThat(signOut.getElement().getAttribute("aria-label")).isEqualTo("Sign out Firefox 128 on Windows");
        test(signOut).click();

        assertThat(sessions.active(user.id())).extracting(s -> s.key()).containsExactly(thisKey)
                .doesNotContain(otherKey);
        assertThat(table.size()).isEqualTo(1);
    }
}
