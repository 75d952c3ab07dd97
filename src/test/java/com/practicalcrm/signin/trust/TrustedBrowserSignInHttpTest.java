package com.practicalcrm.signin.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.ConfirmedActions;
import com.practicalcrm.MailTexts;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.security.events.SecurityEvent;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.twofactor.TwoFactorFixture;
import com.practicalcrm.twofactor.TwoFactorService;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.passwordreset.PasswordResetService;
import com.practicalcrm.sessions.OtherSessionsService;

/**
 * "Remember this browser for 30 days" through the real server: the cookie, the skipped code step, and everything
 * that makes the browser ask for the code again.
 */
@PracticalCrmTest
class TrustedBrowserSignInHttpTest {

    private static final ClientInfo CLIENT = new ClientInfo("192.0.2.80", "Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0");
    private static final String COOKIE = "practicalcrm-trusted-browser";

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    TrustedBrowsers trustedBrowsers;
    @Autowired
    SecurityEventService events;
    @Autowired
    OtherSessionsService otherSessions;
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
    void rememberedBrowserSkipsTheCodeStepButStillAsksForThePassword() {
        UserProfile user = accounts.create("Remembering Person");
        TwoFactorFixture.Enabled app = TwoFactorFixture.enable(twoFactor, clock, user.id());
        HttpBrowserSession browser = new HttpBrowserSession(port);

        HttpResponse<String> codeAccepted = signInWithCode(browser, user, app, true);

        List<String> setCookies = codeAccepted.headers().allValues("Set-Cookie");
        assertThat(setCookies).anySatisfy(line -> assertThat(line).startsWith(COOKIE + "=")
                .contains("Max-Age=2592000").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure"));
        assertThat(trustedBrowsers.list(user.id())).singleElement()
                .satisfies(b -> assertThat(b.client().browser()).isEqualTo("Chrome 150 on Linux"));

        browser.forgetSession();
        assertThat(browser.isSignedIn()).as("the password is still asked").isFalse();
        browser.signIn(user.email().value(), TestAccounts.PASSWORD);
        assertThat(browser.get("/profile").statusCode()).as("no code asked").isEqualTo(200);
        assertThat(events.latest(user.id(), 10)).extracting(SecurityEvent::type)
                .contains(SecurityEventType.TRUSTED_BROWSER_ADDED).first().isEqualTo(SecurityEventType.SIGN_IN);
    }

    @Test
    void rememberedBrowserSignInIsNoFreshCodeForConfirmItsYou() {
        UserProfile user = accounts.create("Remembered Confirmer");
        TwoFactorFixture.Enabled app = TwoFactorFixture.enable(twoFactor, clock, user.id());
        HttpBrowserSession browser = new HttpBrowserSession(port);
        signInWithCode(browser, user, app, true);
        browser.forgetSession();
        browser.signIn(user.email().value(), TestAccounts.PASSWORD);
        assertThat(browser.get("/profile").statusCode()).as("no code asked at sign-in").isEqualTo(200);

        browser.vaadinView("profile");
        browser.vaadinFollowUps(); // the sections below the fold, "Your data" among them, come in the second answer
        HttpResponse<String> click = browser.vaadinClick("Download my data");

        assertThat(click.body()).as("a password alone must not confirm a sensitive action when 2FA is on")
                .contains("Confirm it's you");
    }

    @Test
    void withoutTheTickTheNextSignInAsksForTheCodeAgain() {
        UserProfile user = accounts.create("Careful Person");
        TwoFactorFixture.Enabled app = TwoFactorFixture.enable(twoFactor, clock, user.id());
        HttpBrowserSession browser = new HttpBrowserSession(port);
        HttpResponse<String> codeAccepted = signInWithCode(browser, user, app, false);

        assertThat(codeAccepted.headers().allValues("Set-Cookie")).noneMatch(line -> line.startsWith(COOKIE));
        assertThat(asksForCodeAfterPassword(browser, user)).isTrue();
    }

    @Test
    void removedBrowserIsAskedForTheCodeAgain() {
        UserProfile user = accounts.create("Removing Person");
        TwoFactorFixture.Enabled app = TwoFactorFixture.enable(twoFactor, clock, user.id());
        HttpBrowserSession browser = new HttpBrowserSession(port);
        signInWithCode(browser, user, app, true);

        trustedBrowsers.remove(user.id(), trustedBrowsers.list(user.id()).getFirst().id(), CLIENT);

        assertThat(trustedBrowsers.list(user.id())).isEmpty();
        assertThat(asksForCodeAfterPassword(browser, user)).isTrue();
    }

    /**
     * By the service: the HTTP path cannot move the clock by days, as Spring stamps the password factor with the
     * real time and the code step refuses a password step older than five minutes by the app's clock.
     */
    @Test
    void after30DaysTheBrowserIsNoLongerRemembered() {
        UserProfile user = accounts.create("Returning Person");
        String token = trustedBrowsers.remember(user.id(), CLIENT);

        clock.advance(Duration.ofDays(29));
        assertThat(trustedBrowsers.use(user.id(), token)).as("day 29").isTrue();
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(trustedBrowsers.use(user.id(), token)).as("day 30").isFalse();
        assertThat(trustedBrowsers.list(user.id())).isEmpty();
    }

    @Test
    void anotherAccountsRememberedBrowserCookieSkipsNothing() {
        UserProfile owner = accounts.create("Cookie Owner");
        UserProfile other = accounts.create("Other Person");
        TwoFactorFixture.Enabled ownerApp = TwoFactorFixture.enable(twoFactor, clock, owner.id());
        TwoFactorFixture.enable(twoFactor, clock, other.id());
        HttpBrowserSession browser = new HttpBrowserSession(port);
        signInWithCode(browser, owner, ownerApp, true);

        assertThat(asksForCodeAfterPassword(browser, other)).isTrue();
    }

    @Test
    void signOutOtherSessionsForgetsEveryRememberedBrowser() {
        UserProfile user = accounts.create("Cautious Person");
        trustedBrowsers.remember(user.id(), CLIENT);
        trustedBrowsers.remember(user.id(), CLIENT);

        ConfirmedActions.run(user.id(), user.email().value(), clock,
                () -> otherSessions.signOutOtherSessions(user.id(), null, CLIENT));

        assertThat(trustedBrowsers.list(user.id())).isEmpty();
        assertThat(events.latest(user.id(), 5)).extracting(SecurityEvent::type)
                .contains(SecurityEventType.TRUSTED_BROWSERS_REVOKED);
    }

    @Test
    void disablingTwoFactorForgetsEveryRememberedBrowser() {
        UserProfile user = accounts.create("Disabling Person");
        TwoFactorFixture.enable(twoFactor, clock, user.id());
        trustedBrowsers.remember(user.id(), CLIENT);

        ConfirmedActions.run(user.id(), user.email().value(), clock, () -> twoFactor.disable(user.id()));

        assertThat(trustedBrowsers.list(user.id())).isEmpty();
    }

    @Test
    void passwordResetForgetsEveryRememberedBrowser() {
        UserProfile user = accounts.create("Resetting Person");
        trustedBrowsers.remember(user.id(), CLIENT);

        passwordResets.requestForSignedInUser(user.id(), CLIENT);
        String token = MailTexts.resetToken(TestMailServer.awaitMessagesTo(greenMail, user.email().value(), 1)
                .getFirst());
        passwordResets.resetPassword(token, "harbour-pebble-violin-64", CLIENT);

        assertThat(trustedBrowsers.list(user.id())).isEmpty();
    }

    /** Password, then the code of the next time step (each step is accepted once), as the code form posts it. */
    private HttpResponse<String> signInWithCode(HttpBrowserSession browser, UserProfile user,
                                                TwoFactorFixture.Enabled app, boolean remember) {
        browser.signIn(user.email().value(), TestAccounts.PASSWORD);
        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> response = browser.postCode(app.codeAt(clock.instant()), remember);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error")
                .doesNotContain("/login");
        assertThat(browser.get("/profile").statusCode()).isEqualTo(200);
        return response;
    }

    /** A new session of the browser (cookies kept): after the password, is the code page where it ends up? */
    private static boolean asksForCodeAfterPassword(HttpBrowserSession browser, UserProfile user) {
        browser.forgetSession();
        browser.signIn(user.email().value(), TestAccounts.PASSWORD);
        HttpResponse<String> profile = browser.get("/profile");
        if (profile.statusCode() == 200) {
            return false;
        }
        assertThat(profile.statusCode()).isEqualTo(302);
        assertThat(profile.headers().firstValue("Location").orElse("")).contains("/login/code");
        return true;
    }
}
