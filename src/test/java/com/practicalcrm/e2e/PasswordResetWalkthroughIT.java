package com.practicalcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.MailTexts;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.account.UserProfile;

import jakarta.mail.internet.MimeMessage;

/** "Reset Password" from the sign-in page, through the mailed link, to signing in with the new password. */
@PracticalCrmTest
class PasswordResetWalkthroughIT extends BrowserTest {

    private static final String NEW_PASSWORD = "quartz-bramble-ferry-29";

    @Autowired
    TestAccounts accounts;
    @Autowired
    GreenMail greenMail;

    @Test
    void forgottenPasswordIsResetByMailedLinkAndTheNewOneSignsIn() {
        UserProfile ada = accounts.create("Ada Lovelace");

        open("login");
        click("Reset Password");
        waitUntil(d -> currentPath().equals("/forgot-password"));
        type("Email", ada.email().value());
        click("Send link");
        waitUntil(d -> pageText().contains("If an account exists for that address, we have sent a link"));

        List<MimeMessage> mails = TestMailServer.awaitMessagesTo(greenMail, ada.email().value(), 1);
        assertThat(mails).hasSize(1);
        open(MailTexts.resetPath(mails.getFirst()));
        assertThat(pageText()).contains("Choose a new password").contains(ada.email().value());

        type("New password", "ada lovelace");
        waitUntil(d -> pageText().contains("This password is too easy to guess."));
        type("New password", NEW_PASSWORD);
        type("Repeat new password", NEW_PASSWORD);
        click("Set new password");
        waitUntil(d -> currentPath().equals("/login"));
        assertThat(pageText()).contains("Your password has been changed. Sign in with your new password.");

        type("Email", ada.email().value());
        type("Password", NEW_PASSWORD);
        click("Sign in");
        waitUntil(d -> pageText().contains("Welcome, Ada Lovelace!"));

        open("profile");
        assertThat(pageText()).contains("Security activity").contains("Password reset")
                .contains("Sessions").contains("This session");

        // The link was used up: opening it again explains and offers a new one.
        open(MailTexts.resetPath(mails.getFirst()));
        assertThat(pageText()).contains("This link no longer works").contains("Ask for a new link");
    }
}
