package com.practicalcrm.signin.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.Concurrently;
import com.practicalcrm.ConfirmedActions;
import com.practicalcrm.MailTexts;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailQueue;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.security.events.SecurityEvent;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.emailchange.EmailChangeService;
import com.practicalcrm.account.UserProfile;

import jakarta.mail.internet.MimeMessage;

/** New-sign-in alerts and their "This wasn't me" link, with real browsers' HTTP sessions and real mail. */
@PracticalCrmTest
class NewSignInAlertHttpTest {

    private static final Pattern LINK = Pattern.compile(
            Pattern.quote(TestMailServer.BASE_URL + "/this-wasnt-me?token=") + "([A-Za-z0-9_-]{43})");
    private static final ClientInfo CLIENT = new ClientInfo("192.0.2.90", null);

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ThisWasntMe thisWasntMe;
    @Autowired
    TrustedBrowsers trustedBrowsers;
    @Autowired
    EmailChangeService emailChanges;
    @Autowired
    SecurityEventService events;
    @Autowired
    GreenMail greenMail;
    @Autowired
    TestMailQueue mailQueue;
    @Autowired
    MutableTestClock clock;
    @Autowired
    NewSignInAlerts newSignInAlerts;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void firstSignInSendsNoAlertANewBrowserSendsOneAndItsSecondSignInNone() {
        UserProfile user = accounts.create("Alerted Person");
        HttpBrowserSession laptop = new HttpBrowserSession(port);
        HttpResponse<String> first = laptop.postSignIn(user.email().value(), TestAccounts.PASSWORD);
        assertThat(first.headers().allValues("Set-Cookie")).anySatisfy(line -> assertThat(line)
                .startsWith("practicalcrm-device=").contains("Max-Age=31536000").contains("HttpOnly")
                .contains("SameSite=Lax"));
        signInAgain(laptop, user);
        assertThat(alerts(user)).as("first sign-in after creating the account, then the same browser").isZero();

        HttpBrowserSession phone = new HttpBrowserSession(port);
        phone.signIn(user.email().value(), TestAccounts.PASSWORD);
        MimeMessage alert = TestMailServer.awaitMessageTo(greenMail, user.email().value(), NewSignInAlerts.SUBJECT);
        String text = MailTexts.text(alert);
        assertThat(text).contains("Chrome 150 on Linux").contains("127.0.0.1").contains("This wasn't me")
                .containsPattern(LINK);

        signInAgain(phone, user);
        signInAgain(laptop, user);
        assertThat(alerts(user)).as("second sign-in of each browser").isEqualTo(1);
        assertThat(events.latest(user.id(), 20)).extracting(SecurityEvent::type)
                .containsOnlyOnce(SecurityEventType.NEW_DEVICE_SIGN_IN);
    }

    @Test
    void thisWasntMeEndsEverySessionForgetsBrowsersCancelsTheEmailChangeAndMailsAResetLinkOnce() {
        UserProfile user = accounts.create("Reporting Person");
        HttpBrowserSession laptop = new HttpBrowserSession(port);
        laptop.signIn(user.email().value(), TestAccounts.PASSWORD);
        assertThat(laptop.isSignedIn()).isTrue();
        HttpBrowserSession intruder = new HttpBrowserSession(port);
        intruder.signIn(user.email().value(), TestAccounts.PASSWORD);
        assertThat(intruder.isSignedIn()).isTrue();
        String token = linkToken(user);
        trustedBrowsers.remember(user.id(), CLIENT);
        ConfirmedActions.run(user.id(), user.email().value(), clock,
                () -> emailChanges.requestChange(user.id(), TestAccounts.uniqueEmail("intruder"), CLIENT));
        assertThat(thisWasntMe.open(token)).isPresent();

        ThisWasntMe.Outcome outcome = thisWasntMe.report(token, CLIENT);

        assertThat(outcome.sessionsEnded()).isEqualTo(2);
        assertThat(outcome.browsersForgotten()).isEqualTo(1);
        assertThat(outcome.emailChangeCancelled()).isTrue();
        assertThat(outcome.resetLinkSentTo()).isEqualTo(user.email());
        assertThat(laptop.isSignedIn()).isFalse();
        assertThat(intruder.isSignedIn()).isFalse();
        assertThat(trustedBrowsers.list(user.id())).isEmpty();
        assertThat(emailChanges.pending(user.id())).isEmpty();
        assertThat(MailTexts.resetLink(TestMailServer.awaitMessageTo(greenMail, user.email().value(),
                "Reset your PracticalCRM password"))).isNotBlank();
        assertThat(events.latest(user.id(), 20)).extracting(SecurityEvent::type)
                .contains(SecurityEventType.SIGN_IN_REPORTED);

        assertThat(thisWasntMe.open(token)).as("used").isEmpty();
        assertThatThrownBy(() -> thisWasntMe.report(token, CLIENT)).isInstanceOf(ThisWasntMe.InvalidLinkException.class);

        // The reported browser is forgotten: its next sign-in alerts again.
        intruder.forgetSession();
        intruder.signIn(user.email().value(), TestAccounts.PASSWORD);
        mailQueue.drain();
        assertThat(alerts(user)).isEqualTo(2);
    }

    @Test
    void theLinkExpiresAfterSevenDays() {
        UserProfile user = accounts.create("Late Person");
        new HttpBrowserSession(port).signIn(user.email().value(), TestAccounts.PASSWORD);
        new HttpBrowserSession(port).signIn(user.email().value(), TestAccounts.PASSWORD);
        String token = linkToken(user);

        clock.advance(Duration.ofDays(7).plusMinutes(1));

        assertThat(thisWasntMe.open(token)).isEmpty();
        assertThatThrownBy(() -> thisWasntMe.report(token, CLIENT)).isInstanceOf(ThisWasntMe.InvalidLinkException.class);
    }

    @Test
    void firstSignInsOfDifferentAccountsAtTheSameTimeAllSucceed() throws Exception {
        // New accounts' devices all go to the end of the known-device index: under repeatable read the lookups
        // that find nothing locked that same gap, and two of these sign-ins at once deadlocked (a 503 page).
        for (int attempt = 0; attempt < 3; attempt++) {
            List<UserProfile> users = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                users.add(accounts.create("Parallel Person " + attempt + "-" + i));
            }
            AtomicInteger next = new AtomicInteger();
            List<String> tokens = Concurrently.run(users.size(), () -> newSignInAlerts.signedIn(
                    users.get(next.getAndIncrement()).id(), null, CLIENT));
            assertThat(tokens).doesNotContainNull().doesNotHaveDuplicates();
        }
    }

    private static void signInAgain(HttpBrowserSession browser, UserProfile user) {
        browser.forgetSession();
        browser.signIn(user.email().value(), TestAccounts.PASSWORD);
    }

    private String linkToken(UserProfile user) {
        Matcher link = LINK.matcher(MailTexts.text(
                TestMailServer.awaitMessageTo(greenMail, user.email().value(), NewSignInAlerts.SUBJECT)));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private long alerts(UserProfile user) {
        mailQueue.drain();
        return TestMailServer.messagesTo(greenMail, user.email().value()).stream().filter(m -> {
            try {
                return NewSignInAlerts.SUBJECT.equals(m.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).count();
    }
}
