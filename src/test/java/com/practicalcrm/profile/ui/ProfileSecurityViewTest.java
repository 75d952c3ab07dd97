package com.practicalcrm.profile.ui;

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
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.ui.LocalDates;
import com.practicalcrm.security.events.SecurityEvent;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;

/** The profile page's Reset Password link and Security activity. */
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
}
