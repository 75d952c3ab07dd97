package com.practicalcrm.account.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.SignUpMails;
import com.practicalcrm.account.SignUpService;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.signin.AccountNotConfirmedException;
import com.practicalcrm.signin.ThrottledAuthenticationProvider;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;

/** The page behind the link in the sign-up mail. */
@PracticalCrmTest
class ConfirmAccountViewTest extends SpringBrowserlessTest {

    @Autowired
    SignUpService signUps;
    @Autowired
    ThrottledAuthenticationProvider signIn;
    @Autowired
    GreenMail greenMail;
    @Autowired
    MutableTestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void openingTheLinkConfirmsNothingUntilTheButtonIsClicked() {
        String email = TestAccounts.uniqueEmail("mary");
        String token = signUp("Mary Jackson", email);

        ConfirmAccountView view = open(token);
        assertThat(view.title.getText()).isEqualTo("Confirm your email address");
        assertThat(view.confirm.getText()).isEqualTo("Confirm email address");
        assertThat(view.confirm.isVisible()).isTrue();
        // Opening the page (as a mail scanner does) has not confirmed anything.
        assertThatThrownBy(() -> attemptSignIn(email)).isInstanceOf(AccountNotConfirmedException.class);

        test(view.confirm).click();

        assertThat(view.title.getText()).isEqualTo("Email address confirmed");
        assertThat(view.message.getText()).isEqualTo("Your account is ready. Sign in with " + email + " and your "
                + "password.");
        assertThat(view.confirm.isVisible()).isFalse();
        assertThat(view.signIn.getHref()).isEqualTo("login");
        assertThat(attemptSignIn(email).isAuthenticated()).isTrue();

        ConfirmAccountView again = open(token);
        test(again.confirm).click();
        assertThat(again.title.getText()).isEqualTo("Already confirmed");
        assertThat(again.message.getText()).contains(email).contains("already confirmed");
    }

    @Test
    void expiredLinkSaysSoAndHowToGetANewOne() {
        String email = TestAccounts.uniqueEmail("annie");
        String token = signUp("Annie Easley", email);
        clock.advance(Duration.ofHours(24));

        ConfirmAccountView view = open(token);
        test(view.confirm).click();

        assertThat(view.title.getText()).isEqualTo("Link expired");
        assertThat(view.message.getText()).contains("links work for 24 hours")
                .contains("Sign in with your email and password to have a new link sent")
                .contains("not confirmed yet");
        assertThatThrownBy(() -> attemptSignIn(email)).isInstanceOf(AccountNotConfirmedException.class);
    }

    @Test
    void unknownOrMissingTokenGetsAClearPage() {
        ConfirmAccountView unknown = open("x".repeat(43));
        test(unknown.confirm).click();
        assertThat(unknown.title.getText()).isEqualTo("Link not valid");
        assertThat(unknown.message.getText()).isEqualTo(ConfirmAccountView.NOT_FOUND);

        ConfirmAccountView missing = navigate(ConfirmAccountView.class);
        assertThat(missing.title.getText()).isEqualTo("Link not valid");
        assertThat(missing.confirm.isVisible()).isFalse();
    }

    private String signUp(String name, String email) {
        signUps.signUp(name, email, TestAccounts.PASSWORD, ClientInfo.UNKNOWN);
        return SignUpMails.token(SignUpMails.awaitConfirmationLink(greenMail, email));
    }

    private org.springframework.security.core.Authentication attemptSignIn(String email) {
        return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, TestAccounts.PASSWORD));
    }

    private ConfirmAccountView open(String token) {
        UI.getCurrent().navigate(ConfirmAccountView.class, QueryParameters.of("token", token));
        return (ConfirmAccountView) getCurrentView();
    }
}
