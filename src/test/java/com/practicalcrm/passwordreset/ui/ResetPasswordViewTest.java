package com.practicalcrm.passwordreset.ui;

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
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.passwordreset.PasswordResetService;
import com.practicalcrm.signin.LoginView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;

@PracticalCrmTest
class ResetPasswordViewTest extends SpringBrowserlessTest {

    private static final String NEW_PASSWORD = "saffron-glacier-tandem-42";

    @Autowired
    TestAccounts accounts;
    @Autowired
    PasswordResetService passwordResets;
    @Autowired
    GreenMail greenMail;
    @Autowired
    MutableTestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void validLinkAsksForTheNewPasswordTwiceWithTheStrengthMeter() {
        UserProfile user = accounts.create("Rosalind Franklin");
        ResetPasswordView view = navigate(ResetPasswordView.class, tokenFor(user));

        assertThat(view.title.getText()).isEqualTo("Choose a new password");
        assertThat(view.newPassword.getLabel()).isEqualTo("New password");
        assertThat(view.repeatPassword.getLabel()).isEqualTo("Repeat new password");
        test(view.newPassword).setValue("rosalind franklin");
        assertThat(view.strength.verdict()).startsWith("This password is too easy to guess.");
        test(view.newPassword).setValue(NEW_PASSWORD);
        assertThat(view.strength.verdict()).endsWith("password.");
    }

    @Test
    void weakOrMismatchedPasswordsAreExplained() {
        UserProfile user = accounts.create("Weak Typist");
        ResetPasswordView view = navigate(ResetPasswordView.class, tokenFor(user));

        test(view.newPassword).setValue("short");
        test(view.save).click();
        assertThat(view.newPassword.isInvalid()).isTrue();
        assertThat(view.newPassword.getErrorMessage()).isEqualTo("Use at least 12 characters (5 so far).");

        test(view.newPassword).setValue(NEW_PASSWORD);
        test(view.repeatPassword).setValue(NEW_PASSWORD + "x");
        test(view.save).click();
        assertThat(view.repeatPassword.isInvalid()).isTrue();
        assertThat(view.repeatPassword.getErrorMessage()).startsWith("The two passwords are not the same.");
    }

    @Test
    void newPasswordIsSetAndTheSignInPageSaysSo() {
        UserProfile user = accounts.create("Happy Resetter");
        String token = tokenFor(user);
        ResetPasswordView view = navigate(ResetPasswordView.class, token);

        test(view.newPassword).setValue(NEW_PASSWORD);
        test(view.repeatPassword).setValue(NEW_PASSWORD);
        test(view.save).click();

        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat($(Paragraph.class).withText("Your password has been changed. Sign in with your new password.")
                .exists()).isTrue();

        // The same link again: used up.
        ResetPasswordView again = navigate(ResetPasswordView.class, token);
        assertLinkInvalidPage(again);
    }

    @Test
    void expiredLinkGetsAClearPageWithAWayToAskForANewOne() {
        UserProfile user = accounts.create("Late Clicker");
        String token = tokenFor(user);
        clock.advance(Duration.ofMinutes(31));

        assertLinkInvalidPage(navigate(ResetPasswordView.class, token));
    }

    @Test
    void unknownOrMissingLinkGetsTheSamePage() {
        assertLinkInvalidPage(navigate(ResetPasswordView.class, "A".repeat(43)));
        assertLinkInvalidPage(navigate("reset-password", ResetPasswordView.class));
    }

    private void assertLinkInvalidPage(ResetPasswordView view) {
        assertThat(view.title.getText()).isEqualTo("This link no longer works");
        assertThat(view.newPassword.isAttached()).isFalse();
        RouterLink askAgain = $(RouterLink.class).withText("Ask for a new link").single();
        assertThat(askAgain.getHref()).isEqualTo("forgot-password");
    }

    private String tokenFor(UserProfile user) {
        passwordResets.request(user.email().value(), new ClientInfo("192.0.2." + (user.id().value() % 250), null));
        return MailTexts.resetToken(TestMailServer.awaitMessagesTo(greenMail, user.email().value(), 1).getFirst());
    }
}
