package com.practicalcrm.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailQueue;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.account.SignUpMails;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottlePolicy;
import com.practicalcrm.security.throttle.ThrottleScope;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;

@PracticalCrmTest
class CreateAccountViewTest extends SpringBrowserlessTest {

    @Autowired
    UserService users;
    @Autowired
    TestAccounts accounts;
    @Autowired
    GreenMail greenMail;
    @Autowired
    Throttle throttle;
    @Autowired
    TestMailQueue mailQueue;

    @Test
    void fieldsCarryTheLabelsOfTheManual() {
        CreateAccountView view = navigate(CreateAccountView.class);
        assertThat(view.fullName.getLabel()).isEqualTo("Full name");
        assertThat(view.email.getLabel()).isEqualTo("Email");
        assertThat(view.password.getLabel()).isEqualTo("Password");
        assertThat(view.create.getText()).isEqualTo("Create account");
    }

    @Test
    void validDetailsAnswerCheckYourEmailAndCreateAnAccountThatWaitsForItsLink() {
        String email = TestAccounts.uniqueEmail("katherine");

        String answer = createAccount("Katherine Johnson", email);

        assertThat(answer).startsWith("Check your email We sent a message to " + email + ".");
        assertThat(users.findProfileByEmail(email)).get().extracting(p -> p.fullName())
                .isEqualTo("Katherine Johnson");
        assertThat(SignUpMails.awaitConfirmationLink(greenMail, email)).contains("/confirm-account?token=");
    }

    @Test
    void anAddressWithAnAccountGetsTheSamePageAndTheMailSaysSo() {
        UserProfile owner = accounts.create("First Owner");
        String email = owner.email().value();
        String newAddress = TestAccounts.uniqueEmail("second");

        String forExisting = createAccount("Second Owner", email.toUpperCase());
        String forNew = createAccount("Second Owner", newAddress);

        // Word for word the same page, but for the address the person typed.
        assertThat(forExisting.replace(email, "ADDRESS")).isEqualTo(forNew.replace(newAddress, "ADDRESS"));
        assertThat($(TextField.class).all()).noneMatch(TextField::isInvalid);
        TestMailServer.awaitMessageTo(greenMail, email, SignUpMails.ALREADY_SUBJECT);
        assertThat(users.findProfileByEmail(email)).contains(owner);
    }

    @Test
    void tooManyRequestsForOneAddressSayWhenToTryAgainAndRevealNothing() {
        String email = TestAccounts.uniqueEmail("busy");
        for (int i = 0; i < ThrottlePolicy.FREE_ATTEMPTS; i++) {
            throttle.recordFailure(ThrottleScope.SIGN_UP_ACCOUNT, email);
        }
        CreateAccountView view = navigate(CreateAccountView.class);
        fillIn(view, "Busy Person", email);
        test(view.create).click();

        assertThat(view.sentCard.isVisible()).isFalse();
        assertThat(view.problem.isVisible()).isTrue();
        assertThat(view.problem.getText()).startsWith("Too many requests to create an account for this address or "
                + "from your network. Try again in ").endsWith(" seconds.");
        assertThat(users.findProfileByEmail(email)).isEmpty();
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
    void nameWithControlOrDirectionCharactersIsRefusedOnItsFieldAndNoAccountIsCreated() {
        CreateAccountView view = navigate(CreateAccountView.class);
        String email = TestAccounts.uniqueEmail("bidi");
        fillIn(view, "Mallory \u202eexe.txt", email);
        test(view.create).click();

        assertThat(view.fullName.isInvalid()).isTrue();
        assertThat(view.fullName.getErrorMessage()).isEqualTo("Your name cannot contain line breaks, tabs, other "
                + "control characters or hidden text-direction marks. Type it again using letters, spaces and "
                + "punctuation only.");
        assertThat(users.findProfileByEmail(email)).isEmpty();
        mailQueue.assertNoMailTo(email);
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

    /** Fills in and sends the form on a fresh page; the visible text of the page afterwards. */
    private String createAccount(String fullName, String email) {
        CreateAccountView view = navigate(CreateAccountView.class);
        fillIn(view, fullName, email);
        test(view.create).click();
        assertThat(view.sentCard.isVisible()).isTrue();
        return visibleText(view);
    }

    private void fillIn(CreateAccountView view, String fullName, String email) {
        test(view.fullName).setValue(fullName);
        test(view.email).setValue(email);
        test(view.password).setValue(TestAccounts.PASSWORD);
    }

    private static String visibleText(Component component) {
        if (!component.isVisible()) {
            return "";
        }
        String own = component.getElement().getChildCount() == 0 ? component.getElement().getText()
                : component.getElement().getChildren().filter(Element::isTextNode).map(Element::getText)
                        .reduce("", String::concat);
        StringBuilder text = new StringBuilder(own.strip());
        component.getChildren().map(CreateAccountViewTest::visibleText).filter(t -> !t.isEmpty())
                .forEach(t -> text.append(text.isEmpty() ? "" : " ").append(t));
        return text.toString();
    }
}
