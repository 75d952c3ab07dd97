package com.practicalcrm.user.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.security.login.LoginView;
import com.practicalcrm.user.UserService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Paragraph;

@PracticalCrmTest
class CreateAccountViewTest extends SpringBrowserlessTest {

    @Autowired
    UserService users;
    @Autowired
    TestAccounts accounts;

    @Test
    void fieldsCarryTheLabelsOfTheManual() {
        CreateAccountView view = navigate(CreateAccountView.class);
        assertThat(view.fullName.getLabel()).isEqualTo("Full name");
        assertThat(view.email.getLabel()).isEqualTo("Email");
        assertThat(view.password.getLabel()).isEqualTo("Password");
        assertThat(view.create.getText()).isEqualTo("Create account");
    }

    @Test
    void validDetailsCreateTheAccountAndLeadToSignIn() {
        CreateAccountView view = navigate(CreateAccountView.class);
        String email = TestAccounts.uniqueEmail("katherine");

        test(view.fullName).setValue("Katherine Johnson");
        test(view.email).setValue(email);
        test(view.password).setValue(TestAccounts.PASSWORD);
        test(view.create).click();

        assertThat(users.findProfileByEmail(email)).get().extracting(p -> p.fullName())
                .isEqualTo("Katherine Johnson");
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat($(Paragraph.class).withClassName("auth-notice").single().getText())
                .isEqualTo("Your account is ready. Sign in with your email and password.");
    }

    @Test
    void strengthIndicatorFollowsTheTypedPassword() {
        CreateAccountView view = navigate(CreateAccountView.class);
        test(view.fullName).setValue("Dorothy Vaughan");

        test(view.password).setValue("password1234");
        assertThat(view.strength.bar.getValue()).isLessThan(3);
        assertThat(view.strength.verdict()).startsWith("This password is too easy to guess.");

        test(view.password).setValue("orange kettle harbor lantern");
        assertThat(view.strength.bar.getValue()).isGreaterThanOrEqualTo(3);
        assertThat(view.strength.verdict()).endsWith("password.");
    }

    @Test
    void weakPasswordIsRefusedWithTheReasonAndNoAccountIsCreated() {
        CreateAccountView view = navigate(CreateAccountView.class);
        String email = TestAccounts.uniqueEmail("weak");
        test(view.fullName).setValue("Weak Password");
        test(view.email).setValue(email);
        test(view.password).setValue("short");
        test(view.create).click();

        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).isEqualTo("Use at least 12 characters (5 so far).");
        assertThat(users.findProfileByEmail(email)).isEmpty();
    }

    @Test
    void addressInUseGetsAClearMessageNotAnErrorPage() {
        String email = TestAccounts.uniqueEmail("taken");
        accounts.create("First Owner");
        CreateAccountView view = navigate(CreateAccountView.class);
        users.register("Taken Address", email, TestAccounts.PASSWORD, com.practicalcrm.common.ClientInfo.UNKNOWN);

        test(view.fullName).setValue("Second Owner");
        test(view.email).setValue(email.toUpperCase());
        test(view.password).setValue(TestAccounts.PASSWORD);
        test(view.create).click();

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).contains("already exists");
        assertThat(getCurrentView()).isSameAs(view);
    }

    @Test
    void nameWithControlOrDirectionCharactersIsRefusedOnItsFieldAndNoAccountIsCreated() {
        CreateAccountView view = navigate(CreateAccountView.class);
        String email = TestAccounts.uniqueEmail("bidi");
        test(view.fullName).setValue("Mallory \u202eexe.txt");
        test(view.email).setValue(email);
        test(view.password).setValue(TestAccounts.PASSWORD);
        test(view.create).click();

        assertThat(view.fullName.isInvalid()).isTrue();
        assertThat(view.fullName.getErrorMessage()).isEqualTo("Your name cannot contain line breaks, tabs, other "
                + "control characters or hidden text-direction marks. Type it again using letters, spaces and "
                + "punctuation only.");
        assertThat(getCurrentView()).isSameAs(view);
        assertThat(users.findProfileByEmail(email)).isEmpty();
    }

    @Test
    void malformedEmailAndMissingNameAreReportedOnTheirFields() {
        CreateAccountView view = navigate(CreateAccountView.class);
        test(view.email).setValue("ann@");
        test(view.password).setValue(TestAccounts.PASSWORD);
        test(view.create).click();

        assertThat(view.fullName.isInvalid()).isTrue();
        assertThat(view.fullName.getErrorMessage()).isEqualTo("Enter your full name.");
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("Enter a valid email address, like name@example.com");
    }
}
