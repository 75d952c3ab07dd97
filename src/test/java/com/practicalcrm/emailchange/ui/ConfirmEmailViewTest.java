package com.practicalcrm.emailchange.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.MailTexts;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.TestMails;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.emailchange.EmailChangeService;
import com.practicalcrm.passwordreset.PasswordResetService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;

/** The page behind the link in the confirmation mail, opened by someone who is not signed in. */
@PracticalCrmTest
class ConfirmEmailViewTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    EmailChangeService emailChanges;
    @Autowired
    UserService users;
    @Autowired
    GreenMail greenMail;
    @Autowired
    MutableTestClock clock;
    @Autowired
    PasswordResetService passwordResets;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void openingTheLinkWithoutBeingSignedInChangesTheAddressAfterOneClick() {
        UserProfile user = accounts.create("Mae Jemison");
        String newEmail = TestAccounts.uniqueEmail("mae.new");
        String token = requestChange(user, newEmail);

        ConfirmEmailView view = open(token);
        assertThat(users.findProfile(user.id()).orElseThrow().email()).isEqualTo(user.email());
        test(view.confirm).click();

        assertThat(view.title.getText()).isEqualTo("Email address changed");
        assertThat(view.message.getText())
                .isEqualTo("Your email address is now " + newEmail.toLowerCase() + ". Use it to sign in from now on.");
        assertThat(view.confirm.isVisible()).isFalse();
        assertThat(users.findProfile(user.id()).orElseThrow().email()).isEqualTo(EmailAddress.of(newEmail));

        ConfirmEmailView again = open(token);
        test(again.confirm).click();
        assertThat(again.title.getText()).isEqualTo("Already confirmed");
    }

    @Test
    void expiredLinkSaysSoAndChangesNothing() {
        UserProfile user = accounts.create("Sally Ride");
        String token = requestChange(user, TestAccounts.uniqueEmail("sally.new"));
        clock.advance(Duration.ofDays(2));

        ConfirmEmailView view = open(token);
        test(view.confirm).click();

        assertThat(view.title.getText()).isEqualTo("Link expired");
        assertThat(view.message.getText()).contains("links work for 24 hours").contains("was not changed");
        assertThat(users.findProfile(user.id()).orElseThrow().email()).isEqualTo(user.email());
    }

    @Test
    void unknownOrMissingTokenGetsAClearPage() {
        ConfirmEmailView unknown = open("x".repeat(43));
        test(unknown.confirm).click();
        assertThat(unknown.title.getText()).isEqualTo("Link not valid");
        assertThat(unknown.message.getText()).isEqualTo(ConfirmEmailView.NOT_FOUND);

        ConfirmEmailView missing = navigate(ConfirmEmailView.class);
        assertThat(missing.title.getText()).isEqualTo("Link not valid");
        assertThat(missing.confirm.isVisible()).isFalse();
    }

    @Test
    void linkOfAChangeCancelledByAPasswordResetIsNoLongerValid() {
        UserProfile user = accounts.create("Grace Hopper");
        String newEmail = TestAccounts.uniqueEmail("grace.new");
        String token = requestChange(user, newEmail);
        passwordResets.request(user.email().value(), ClientInfo.UNKNOWN);
        String resetToken = MailTexts.resetToken(TestMailServer.awaitMessageTo(greenMail, user.email().value(),
                "Reset your PracticalCRM password"));
        passwordResets.resetPassword(resetToken, "lantern-meadow-quiver-58", ClientInfo.UNKNOWN);

        ConfirmEmailView view = open(token);
        test(view.confirm).click();

        assertThat(view.title.getText()).isEqualTo("Link not valid");
        assertThat(view.message.getText()).isEqualTo(ConfirmEmailView.NOT_FOUND)
                .contains("no longer valid").contains("a password reset also cancels it");
        assertThat(users.findProfile(user.id()).orElseThrow().email()).isEqualTo(user.email());
    }

    @Test
    void addressTakenMeanwhileIsExplained() {
        UserProfile user = accounts.create("Valentina Tereshkova");
        String newEmail = TestAccounts.uniqueEmail("valentina.new");
        String token = requestChange(user, newEmail);
        users.register("Faster Person", newEmail, TestAccounts.PASSWORD, ClientInfo.UNKNOWN);

        ConfirmEmailView view = open(token);
        test(view.confirm).click();

        assertThat(view.title.getText()).isEqualTo("Address not available");
        assertThat(view.message.getText()).isEqualTo(newEmail.toLowerCase()
                + " now belongs to another account, so your email address was not changed.");
    }

    private ConfirmEmailView open(String token) {
        UI.getCurrent().navigate(ConfirmEmailView.class, QueryParameters.of("token", token));
        return (ConfirmEmailView) getCurrentView();
    }

    private String requestChange(UserProfile user, String newEmail) {
        accounts.actingAs(user, () -> emailChanges.requestChange(user.id(), newEmail, ClientInfo.UNKNOWN));
        return TestMails.confirmationToken(TestMailServer.awaitMessagesTo(greenMail, newEmail, 1).getFirst());
    }
}
