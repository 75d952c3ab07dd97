package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.twofactor.repository.TwoFactorRepository;

/**
 * A view already shown keeps talking to the server through Vaadin's internal requests, which Spring's URL rules
 * leave open: once the account needs a factor the session never proved, those requests must do nothing.
 */
@PracticalCrmTest
class SecondFactorOnEveryRequestHttpTest {

    /** Text of the setup dialog that the Enable 2FA button opens. */
    private static final String SETUP_DIALOG = "Verify & Enable";

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    TwoFactorRepository repository;
    @Autowired
    MutableTestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRenderedViewStillWorksWhileNothingChanged() {
        UserProfile user = accounts.create("Steady Person");
        HttpBrowserSession laptop = signedIn(user);
        laptop.vaadinView("profile");

        HttpResponse<String> click = laptop.vaadinClick("Enable 2FA");

        assertThat(click.statusCode()).isEqualTo(200);
        assertThat(click.body()).contains(SETUP_DIALOG);
    }

    @Test
    void enabling2faInAnotherSessionEndsThisOneAndItsRenderedViewDoesNothing() {
        UserProfile user = accounts.create("Two Tabs");
        HttpBrowserSession laptop = signedIn(user);
        assertThat(laptop.vaadinView("profile")).contains("Enable 2FA");

        TwoFactorFixture.enable(twoFactor, clock, user.id());
        HttpResponse<String> click = laptop.vaadinClick("Enable 2FA");

        assertThat(click.body()).doesNotContain(SETUP_DIALOG);
        assertThat(laptop.isSignedIn()).isFalse();
    }

    /**
     * The factor rule alone, without the credential change that normally ends the session: 2FA appears in the
     * database (as if the ending were lost), and the password-only session must still be stopped on its next
     * Vaadin event.
     */
    @Test
    void aSessionWithoutTheFactorItsUserNowNeedsIsStoppedByTheFactorRuleAlone() {
        UserProfile user = accounts.create("Half Protected");
        HttpBrowserSession laptop = signedIn(user);
        assertThat(laptop.vaadinView("profile")).contains("Enable 2FA");

        assertThat(repository.insertCredential(user.id(), "not-a-real-secret", clock.instant(), 0L)).isTrue();
        HttpResponse<String> click = laptop.vaadinClick("Enable 2FA");

        assertThat(click.body()).doesNotContain(SETUP_DIALOG);
        assertThat(laptop.isSignedIn()).isFalse();
        assertThat(laptop.vaadinView("login")).contains("two-factor authentication was turned on");
    }

    @Test
    void aSessionAtTheCodeStepKeepsItsCodePage() {
        UserProfile user = accounts.create("Code Stepper");
        TwoFactorFixture.enable(twoFactor, clock, user.id());
        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.signIn(user.email().value(), TestAccounts.PASSWORD);

        assertThat(browser.vaadinView("login/code")).contains("Two-step verification");
        HttpResponse<String> click = browser.vaadinClick("Use a recovery code");
        assertThat(click.statusCode()).isEqualTo(200);
        assertThat(browser.vaadinView("login/code")).contains("Two-step verification");
    }

    private HttpBrowserSession signedIn(UserProfile user) {
        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.signIn(user.email().value(), TestAccounts.PASSWORD);
        assertThat(browser.isSignedIn()).isTrue();
        return browser;
    }
}
