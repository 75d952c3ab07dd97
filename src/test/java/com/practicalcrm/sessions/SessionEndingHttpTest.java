package com.practicalcrm.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.MailTexts;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.passwordreset.PasswordResetService;

/** Two real HTTP sessions of one user against the running server, as two browsers would be. */
@PracticalCrmTest
class SessionEndingHttpTest {

    private static final String NEW_PASSWORD = "harbour-pebble-violin-64";

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    PasswordResetService passwordResets;
    @Autowired
    OtherSessionsService otherSessions;
    @Autowired
    UserSessions sessions;
    @Autowired
    GreenMail greenMail;
    @Autowired
    MutableTestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
        accounts.signOut();
    }

    @Test
    void passwordResetEndsEverySessionAndTheNewPasswordSignsIn() {
        UserProfile user = accounts.create("Two Browsers");
        HttpBrowserSession laptop = signedIn(user, TestAccounts.PASSWORD);
        HttpBrowserSession phone = signedIn(user, TestAccounts.PASSWORD);
        assertThat(sessions.active(user.id())).hasSize(2);

        passwordResets.request(user.email().value(), new ClientInfo("192.0.2.50", null));
        // The phone's sign-in mailed a new-sign-in alert too: take the reset mail by its subject.
        String token = MailTexts.resetToken(TestMailServer.awaitMessageTo(greenMail, user.email().value(),
                "Reset your PracticalCRM password"));
        passwordResets.resetPassword(token, NEW_PASSWORD, new ClientInfo("192.0.2.50", null));

        assertThat(laptop.isSignedIn()).isFalse();
        assertThat(phone.isSignedIn()).isFalse();
        assertThat(sessions.active(user.id())).isEmpty();
        HttpBrowserSession again = signedIn(user, NEW_PASSWORD);
        assertThat(again.isSignedIn()).isTrue();
    }

    @Test
    void signOutOtherSessionsEndsTheOtherSessionAndKeepsThisOne() {
        UserProfile user = accounts.create("Careful Person");
        HttpBrowserSession laptop = signedIn(user, TestAccounts.PASSWORD);
        List<ActiveSession> onlyLaptop = sessions.active(user.id());
        assertThat(onlyLaptop).hasSize(1);
        String laptopKey = onlyLaptop.getFirst().key();
        HttpBrowserSession stolen = signedIn(user, TestAccounts.PASSWORD);

        accounts.signIn(user);
        int ended = otherSessions.signOutOtherSessions(user.id(), laptopKey, new ClientInfo("192.0.2.51", null));

        assertThat(ended).isEqualTo(1);
        assertThat(stolen.isSignedIn()).isFalse();
        assertThat(laptop.isSignedIn()).isTrue();
        assertThat(sessions.active(user.id())).extracting(ActiveSession::key).containsExactly(laptopKey);
    }

    @Test
    void lastActiveIsUpdatedAtMostOnceAMinute() {
        UserProfile user = accounts.create("Busy Person");
        HttpBrowserSession browser = signedIn(user, TestAccounts.PASSWORD);
        var first = sessions.active(user.id()).getFirst().lastSeenAt();

        browser.get("/profile");
        assertThat(sessions.active(user.id()).getFirst().lastSeenAt()).isEqualTo(first);
        clock.advance(Duration.ofSeconds(61));
        browser.get("/profile");
        assertThat(sessions.active(user.id()).getFirst().lastSeenAt()).isAfter(first.plusSeconds(60));
    }

    @Test
    void resetPageSendsNoReferrerAndOtherPagesAreUnaffected() {
        HttpBrowserSession browser = new HttpBrowserSession(port);
        HttpResponse<String> resetPage = browser.get("/reset-password/" + "A".repeat(43));
        assertThat(resetPage.statusCode()).isEqualTo(200);
        assertThat(resetPage.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(browser.get("/login").headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
    }

    private HttpBrowserSession signedIn(UserProfile user, String password) {
        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.signIn(user.email().value(), password);
        assertThat(browser.isSignedIn()).isTrue();
        return browser;
    }
}
