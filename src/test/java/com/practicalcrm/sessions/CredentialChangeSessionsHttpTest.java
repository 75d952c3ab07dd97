package com.practicalcrm.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.HttpBrowserSession;
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
import com.practicalcrm.twofactor.Totp;
import com.practicalcrm.twofactor.TotpSecret;
import com.practicalcrm.twofactor.TwoFactorService;

import jakarta.mail.internet.MimeMessage;

/**
 * Changes of what proves an account, made in one real HTTP session through the pages: the user's other sessions
 * end, the one that made the change goes on under a new session id.
 */
@PracticalCrmTest
class CredentialChangeSessionsHttpTest {

    private static final Pattern SECRET_KEY = Pattern.compile("\"value\":\"((?:[A-Z2-7]{4} )+[A-Z2-7]{1,4})\"");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    EmailChangeService emailChanges;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    UserService users;
    @Autowired
    GreenMail greenMail;
    @Autowired
    MutableTestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void enabling2faOnTheProfilePageEndsTheOtherSessionAndRenewsThisOne() {
        UserProfile user = accounts.create("Careful Enabler");
        HttpBrowserSession laptop = signedIn(user);
        HttpBrowserSession phone = signedIn(user);
        laptop.vaadinView("profile");
        laptop.vaadinClick("Enable 2FA");
        Matcher secret = SECRET_KEY.matcher(laptop.vaadinChanges());
        assertThat(secret.find()).as("the dialog shows the secret key").isTrue();
        String idBefore = laptop.sessionId();

        laptop.vaadinType("Enter Authenticator Code",
                Totp.codeAt(TotpSecret.fromBase32(secret.group(1)), clock.instant()));
        laptop.vaadinClick("Verify & Enable");

        assertThat(twoFactor.isEnabled(user.id())).isTrue();
        assertThat(laptop.sessionId()).as("a new session id").isNotEqualTo(idBefore);
        assertThat(laptop.isSignedIn()).as("this session goes on, with both factors, not sent to the code page")
                .isTrue();
        assertThat(phone.isSignedIn()).isFalse();
    }

    @Test
    void confirmingANewAddressSignedInEndsTheOtherSessionAndRenewsThisOne() {
        UserProfile user = accounts.create("Moving Person");
        HttpBrowserSession laptop = signedIn(user);
        HttpBrowserSession phone = signedIn(user);
        String newEmail = TestAccounts.uniqueEmail("moving.new");
        accounts.actingAs(user, () -> emailChanges.requestChange(user.id(), newEmail, ClientInfo.UNKNOWN));
        String token = TestMails.confirmationToken(mailTo(newEmail));
        laptop.vaadinView("confirm-email?token=" + token);
        String idBefore = laptop.sessionId();

        laptop.vaadinClick("Confirm email address");

        assertThat(users.findProfile(user.id()).orElseThrow().email()).isEqualTo(EmailAddress.of(newEmail));
        assertThat(laptop.sessionId()).as("a new session id").isNotEqualTo(idBefore);
        assertThat(laptop.isSignedIn()).isTrue();
        assertThat(phone.isSignedIn()).isFalse();
    }

    @Test
    void confirmingANewAddressWithoutSigningInEndsEverySession() {
        UserProfile user = accounts.create("Link Holder");
        HttpBrowserSession laptop = signedIn(user);
        String newEmail = TestAccounts.uniqueEmail("holder.new");
        accounts.actingAs(user, () -> emailChanges.requestChange(user.id(), newEmail, ClientInfo.UNKNOWN));
        String token = TestMails.confirmationToken(mailTo(newEmail));
        HttpBrowserSession mailReader = new HttpBrowserSession(port);
        mailReader.vaadinView("confirm-email?token=" + token);

        mailReader.vaadinClick("Confirm email address");

        assertThat(users.findProfile(user.id()).orElseThrow().email()).isEqualTo(EmailAddress.of(newEmail));
        assertThat(laptop.isSignedIn()).isFalse();
    }

    private MimeMessage mailTo(String recipient) {
        List<MimeMessage> received = TestMailServer.awaitMessagesTo(greenMail, recipient, 1);
        assertThat(received).hasSize(1);
        return received.getFirst();
    }

    private HttpBrowserSession signedIn(UserProfile user) {
        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.signIn(user.email().value(), TestAccounts.PASSWORD);
        assertThat(browser.isSignedIn()).isTrue();
        return browser;
    }
}
