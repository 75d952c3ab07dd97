package com.practicalcrm.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.WebAttributes;

import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.twofactor.TwoFactorFixture;
import com.practicalcrm.twofactor.TwoFactorService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinSession;

/** The second sign-in step's page and the navigation guard, without a browser. */
@PracticalCrmTest
class TwoFactorCodeViewTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    MutableTestClock clock;

    UserProfile user;

    @BeforeEach
    void passwordStepDone() {
        user = accounts.create("Katherine Johnson");
        TwoFactorFixture.enable(twoFactor, clock, user.id());
        accounts.signIn(user);
    }

    @AfterEach
    void signOut() {
        accounts.signOut();
        clock.reset();
    }

    @Test
    void everyRouteButSignInLeadsToTheCodePageUntilTheSecondFactor() {
        for (RouteData route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            if (!route.getRouteParameters().isEmpty()) {
                continue;
            }
            UI.getCurrent().navigate(route.getTemplate());
            Class<?> expected = route.getNavigationTarget() == LoginView.class ? LoginView.class
                    : TwoFactorCodeView.class;
            assertThat(getCurrentView().getClass()).as(route.getTemplate()).isEqualTo(expected);
        }
    }

    @Test
    void codePageAsksForTheAuthenticatorCodeAndOffersARecoveryCode() {
        TwoFactorCodeView view = navigate(TwoFactorCodeView.class);

        assertThat(view.codeForm.isVisible()).isTrue();
        assertThat(view.recoveryForm.isVisible()).isFalse();
        assertThat(view.code.getElement().getAttribute("name")).isEqualTo("code");
        assertThat(view.code.getElement().getAttribute("inputmode")).isEqualTo("numeric");
        assertThat(view.code.getElement().getAttribute("autocomplete")).isEqualTo("one-time-code");
        assertThat(view.signOut.getText()).isEqualTo("Sign out");

        test(view.useRecoveryCode).click();

        assertThat(view.codeForm.isVisible()).isFalse();
        assertThat(view.recoveryForm.isVisible()).isTrue();
        assertThat(view.recoveryCode.getElement().getAttribute("name")).isEqualTo("recovery-code");
        test(view.useAuthenticator).click();
        assertThat(view.codeForm.isVisible()).isTrue();
    }

    @Test
    void refusedCodeIsExplainedOnTheCodePage() {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new SecondFactorRejectedException("That code was already used. Wait for the next one.", false));

        UI.getCurrent().navigate("login/code", QueryParameters.fromString("error"));

        TwoFactorCodeView view = (TwoFactorCodeView) getCurrentView();
        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getText()).isEqualTo("That code was already used. Wait for the next one.");
        assertThat(view.code.getElement().getAttribute("aria-invalid")).isEqualTo("true");

        // The message is about the code just tried: it goes when the person switches to a recovery code.
        test(view.useRecoveryCode).click();
        assertThat(view.error.isVisible()).isFalse();
        assertThat(view.code.getElement().hasAttribute("aria-invalid")).isFalse();
    }

    @Test
    void throttledCodeStepSaysWhenToTryAgainAndKeepsTheRecoveryForm() {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new SecondFactorThrottledException(clock.instant().plusSeconds(120), true));

        UI.getCurrent().navigate("login/code", QueryParameters.fromString("error&recovery"));

        TwoFactorCodeView view = (TwoFactorCodeView) getCurrentView();
        assertThat(view.error.getText()).startsWith("Too many wrong codes.").endsWith("Try again in 2 minutes.");
        assertThat(view.recoveryForm.isVisible()).isTrue();
    }

    @Test
    void afterFiveMinutesTheCodePageSendsBackToSignIn() {
        clock.advance(Duration.ofMinutes(6));

        UI.getCurrent().navigate("profile");

        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void userWithoutTwoFactorIsNotStopped() {
        UserProfile plain = accounts.create("Plain Person");
        accounts.signIn(plain);

        UI.getCurrent().navigate("login/code");

        assertThat(getCurrentView()).isNotInstanceOf(TwoFactorCodeView.class);
    }
}
