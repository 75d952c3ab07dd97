package com.practicalcrm.passwordreset.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailQueue;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.signin.LoginView;
import com.vaadin.browserless.SpringBrowserlessTest;

@PracticalCrmTest
class ForgotPasswordViewTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    GreenMail greenMail;
    @Autowired
    TestMailQueue mailQueue;

    @Test
    void knownAndUnknownAddressGetTheSameAnswer() {
        UserProfile user = accounts.create("Asking Person");

        ForgotPasswordView forKnown = freshPage();
        test(forKnown.email).setValue(user.email().value());
        test(forKnown.send).click();
        String knownAnswer = forKnown.answer.getText();

        ForgotPasswordView forUnknown = freshPage();
        String stranger = TestAccounts.uniqueEmail("stranger");
        test(forUnknown.email).setValue(stranger);
        test(forUnknown.send).click();

        assertThat(knownAnswer).startsWith("If an account exists for that address, we have sent a link");
        assertThat(forUnknown.answer.getText()).isEqualTo(knownAnswer);
        assertThat(forUnknown.answer.isVisible()).isTrue();
        assertThat(forUnknown.email.isVisible()).isFalse();
        assertThat(TestMailServer.awaitMessagesTo(greenMail, user.email().value(), 1)).hasSize(1);
        mailQueue.assertNoMailTo(stranger);
    }

    @Test
    void invalidAddressIsExplainedAndNothingIsSent() {
        ForgotPasswordView view = freshPage();
        test(view.email).setValue("not-an-address");
        test(view.send).click();

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("Enter a valid email address, like name@example.com");
        assertThat(view.answer.isVisible()).isFalse();
    }

    @Test
    void tooManyRequestsSayWhenToTryAgain() {
        String address = TestAccounts.uniqueEmail("hammered");
        ForgotPasswordView view = null;
        for (int i = 0; i < 6; i++) {
            view = freshPage();
            test(view.email).setValue(address);
            test(view.send).click();
        }
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage())
                .matches("Too many links were asked for in a short time\\. Try again in \\d+ seconds\\.");
    }

    /** Vaadin keeps the view instance when navigating to the route it shows; leaving first gives a fresh one. */
    private ForgotPasswordView freshPage() {
        navigate(LoginView.class);
        return navigate(ForgotPasswordView.class);
    }
}
