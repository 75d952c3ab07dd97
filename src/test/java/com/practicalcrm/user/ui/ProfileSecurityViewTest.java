package com.practicalcrm.user.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.MailTexts;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.ui.LocalDates;
import com.practicalcrm.security.events.SecurityEvent;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.security.session.UserSessions;
import com.practicalcrm.user.UserProfile;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;

/** The profile page's Reset Password link, Security activity and Sessions. */
@PracticalCrmTest
class ProfileSecurityViewTest extends SpringBrowserlessTest {

    private static final ClientInfo CHROME = new ClientInfo("203.0.113.9",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36");
    private static final ClientInfo FIREFOX = new ClientInfo("198.51.100.4",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0");

    @Autowired
    TestAccounts accounts;
    @Autowired
    SecurityEventService events;
    @Autowired
    UserSessions sessions;
    @Autowired
    GreenMail greenMail;

    @AfterEach
    void signOut() {
        accounts.signOut();
    }

    @Test
    void resetPasswordSendsTheLinkToTheUsersAddressAndSaysSo() {
        UserProfile user = accounts.create("Profile Resetter");
        accounts.signIn(user);
        ProfileView view = navigate(ProfileView.class);

        test(view.resetPassword).click();

        assertThat(view.resetPasswordStatus.getText()).isEqualTo("We have sent a link to reset your password to "
                + user.email().value() + ". It works once, within 30 minutes.");
        assertThat(MailTexts.resetToken(TestMailServer.awaitMessagesTo(greenMail, user.email().value(), 1)
                .getFirst())).hasSize(43);
    }

    @Test
    void securityActivityListsTheLatest20EventsWithTimeEventBrowserAndAddress() {
        UserProfile user = accounts.create("Active Person");
        for (int i = 0; i < 25; i++) {
            events.record(user.id(), SecurityEventType.SIGN_IN_FAILED, FIREFOX);
        }
        events.record(user.id(), SecurityEventType.SIGN_IN, CHROME);
        accounts.signIn(user);
        UI.getCurrent().setLocale(Locale.UK);

        ProfileView view = navigate(ProfileView.class);

        var table = view.activity.table;
        assertThat(table.size()).isEqualTo(20);
        SecurityEvent latest = events.latest(user.id(), 1).getFirst();
        assertThat(table.cellText(0, 0))
                .isEqualTo(LocalDates.dateTime(latest.occurredAt(), ZoneOffset.UTC, Locale.UK));
        assertThat(table.cellText(0, 1)).isEqualTo("Signed in");
        assertThat(table.cellText(0, 2)).isEqualTo("Chrome 156 on Linux");
        assertThat(table.cellText(0, 3)).isEqualTo("203.0.113.9");
        assertThat(table.cellText(1, 1)).isEqualTo("Failed sign-in");
        assertThat(table.cellText(1, 2)).isEqualTo("Firefox 128 on Windows");
    }

    @Test
    void sessionsListMarksThisSessionAndSignsOutTheOthersAfterThePassword() {
        UserProfile user = accounts.create("Many Devices");
        String thisKey = sessions.register(user.id(), 0, CHROME).orElseThrow();
        sessions.register(user.id(), 0, FIREFOX).orElseThrow();
        VaadinSession.getCurrent().getSession().setAttribute(UserSessions.KEY_ATTRIBUTE, thisKey);
        accounts.signIn(user);

        ProfileView view = navigate(ProfileView.class);
        var table = view.sessions.table;
        assertThat(table.size()).isEqualTo(2);
        int thisRow = table.cellText(0, 0).startsWith("Chrome") ? 0 : 1;
        assertThat(table.cellText(thisRow, 1)).isEqualTo("203.0.113.9");
        assertThat(((Span) table.cell(thisRow, 3)).getText()).isEqualTo("This session");
        assertThat(((Span) table.cell(1 - thisRow, 3)).getText()).isEmpty();
        assertThat(table.cellText(1 - thisRow, 0)).isEqualTo("Firefox 128 on Windows");

        test(view.sessions.signOutOthers).click();
        SignOutOtherSessionsDialog dialog = $(SignOutOtherSessionsDialog.class).single();
        test(dialog.password).setValue("not-my-password-at-all");
        test(dialog.confirm).click();
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).isEqualTo("That is not your current password.");
        assertThat(sessions.active(user.id())).hasSize(2);

        test(dialog.password).setValue(TestAccounts.PASSWORD);
        test(dialog.confirm).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(sessions.active(user.id())).extracting(s -> s.key()).containsExactly(thisKey);
        assertThat(table.size()).isEqualTo(1);
        assertThat(view.sessions.signOutOthers.isEnabled()).isFalse();
    }
}
