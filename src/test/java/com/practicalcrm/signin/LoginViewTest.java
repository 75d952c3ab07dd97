package com.practicalcrm.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.SignUpMails;
import com.practicalcrm.account.SignUpService;
import com.practicalcrm.account.ui.CreateAccountView;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.profile.ui.ProfileView;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottlePolicy;
import com.practicalcrm.security.throttle.ThrottleScope;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;

@PracticalCrmTest
class LoginViewTest extends SpringBrowserlessTest {

    @Autowired
    MutableTestClock clock;
    @Autowired
    TestAccounts accounts;
    @Autowired
    SignUpService signUps;
    @Autowired
    Throttle throttle;
    @Autowired
    GreenMail greenMail;

    @AfterEach
    void cleanUp() {
        accounts.signOut();
    }

    @Test
    void signInFormHasEmailPasswordSignInAndCreateAccountLink() {
        LoginView view = navigate(LoginView.class);
        LoginForm form = $(LoginForm.class).single();
        LoginI18n i18n = view.i18n;
        assertThat(i18n.getForm().getUsername()).isEqualTo("Email");
        assertThat(i18n.getForm().getPassword()).isEqualTo("Password");
        assertThat(i18n.getForm().getSubmit()).isEqualTo("Sign in");
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isForgotPasswordButtonVisible()).isTrue();
        assertThat(i18n.getForm().getForgotPassword()).isEqualTo("Reset Password");

        Anchor createAccount = $(Anchor.class).withText("Create account").single();
        assertThat(createAccount.getHref()).isEqualTo("create-account");
        navigate(createAccount.getHref(), CreateAccountView.class);
    }

    @Test
    void resetPasswordLeadsToThePageThatAsksForTheEmail() {
        navigate(LoginView.class);
        test($(LoginForm.class).single()).forgotPassword();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ForgotPasswordView");
    }

    @Test
    void aSessionEndedElsewhereIsExplained() {
        VaadinSession.getCurrent().getSession()
                .setAttribute(com.practicalcrm.sessions.SessionValidationFilter.ENDED_NOTICE_ATTRIBUTE, true);
        navigate(LoginView.class);
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).withText(
                "You were signed out because your password was changed or your sessions were ended from another "
                        + "device. Sign in again to continue.").exists()).isTrue();
    }

    @Test
    void wrongCredentialsShowOneGenericMessage() {
        VaadinSession.getCurrent().getSession()
                .setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new BadCredentialsException("Bad credentials"));
        UI.getCurrent().navigate(LoginView.class, QueryParameters.of("error", ""));
        LoginView view = (LoginView) getCurrentView();

        LoginForm form = $(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(view.i18n.getErrorMessage().getTitle()).isEqualTo("Incorrect email or password");
        assertThat(view.i18n.getErrorMessage().getMessage())
                .isEqualTo("Check your email and password and try again.");
    }

    @Test
    void throttledSignInSaysWhenToTryAgain() {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new SignInThrottledException(clock.instant().plus(Duration.ofSeconds(90))));
        UI.getCurrent().navigate(LoginView.class, QueryParameters.of("error", ""));
        LoginView view = (LoginView) getCurrentView();

        LoginForm form = $(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(view.i18n.getErrorMessage().getTitle()).isEqualTo("Too many failed sign-in attempts");
        assertThat(view.i18n.getErrorMessage().getMessage()).endsWith("Try again in 2 minutes.");
    }

    @Test
    void correctPasswordOfAnUnconfirmedAccountSaysSoAndSendsTheLinkAgain() {
        String email = TestAccounts.uniqueEmail("unconfirmed");
        signUps.signUp("Not Yet Confirmed", email, TestAccounts.PASSWORD, ClientInfo.UNKNOWN);
        String first = SignUpMails.awaitConfirmationLink(greenMail, email);

        LoginView view = showFailure(new AccountNotConfirmedException(email));

        assertThat($(LoginForm.class).single().isError()).isTrue();
        assertThat(view.i18n.getErrorMessage().getTitle()).isEqualTo("Confirm your email address first");
        assertThat(view.i18n.getErrorMessage().getMessage()).contains("Your password is correct")
                .contains(email).contains("Open the link in the mail we sent");
        assertThat(view.sendLinkAgain.isVisible()).isTrue();

        test(view.sendLinkAgain).click();

        assertThat(notice()).isEqualTo("We sent a new link to " + email
                + ". It works for 24 hours; older links no longer work. Open it, then sign in.");
        assertThat(view.sendLinkAgain.isVisible()).isFalse();
        assertThat(SignUpMails.awaitConfirmationLinks(greenMail, email, 2)).hasSize(2).contains(first);
    }

    @Test
    void sendingTheLinkAgainIsThrottledWithTheTimeToWait() {
        String email = TestAccounts.uniqueEmail("impatient");
        signUps.signUp("Impatient Person", email, TestAccounts.PASSWORD, ClientInfo.UNKNOWN);
        for (int i = 1; i < ThrottlePolicy.FREE_ATTEMPTS; i++) {
            throttle.recordFailure(ThrottleScope.SIGN_UP_ACCOUNT, email);
        }

        LoginView view = showFailure(new AccountNotConfirmedException(email));
        test(view.sendLinkAgain).click();

        assertThat(notice()).startsWith("You have asked for several links in a short time. Try again in ");
        assertThat(view.sendLinkAgain.isVisible()).isTrue();
    }

    @Test
    void otherFailuresOfferNoLinkToSend() {
        LoginView view = showFailure(new BadCredentialsException("Bad credentials"));
        assertThat(view.sendLinkAgain.isVisible()).isFalse();
        assertThat(view.i18n.getErrorMessage().getMessage()).doesNotContain("confirm");
    }

    private LoginView showFailure(Exception failure) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
        UI.getCurrent().navigate(LoginView.class, QueryParameters.of("error", ""));
        return (LoginView) getCurrentView();
    }

    private String notice() {
        return $(Paragraph.class).withClassName("auth-notice").single().getText();
    }

    @Test
    void protectedViewsSendAnonymousVisitorsToSignIn() {
        navigate("profile", LoginView.class);
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void signedInUserReachesTheProfile() {
        accounts.signIn(accounts.create("Signed In"));
        navigate(ProfileView.class);
        assertThat(getCurrentView()).isInstanceOf(ProfileView.class);
    }
}
