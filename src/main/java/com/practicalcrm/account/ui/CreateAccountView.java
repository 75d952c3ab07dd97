package com.practicalcrm.account.ui;

import java.time.Clock;

import com.practicalcrm.account.PasswordRejectedException;
import com.practicalcrm.account.SignUpService;
import com.practicalcrm.account.SignUpThrottledException;
import com.practicalcrm.account.UserService;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.RetryMessage;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.PasswordPolicy;
import com.practicalcrm.security.SecurityConfig;
import com.practicalcrm.security.PasswordPolicy.PasswordCheck;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Create account: Full name, Email, Password with a live strength indicator. A valid form always leads to the same
 * "Check your email" answer, whether or not the address has an account (the mail says which), so the page tells
 * nobody which addresses have accounts.
 */
@Route(value = "create-account", autoLayout = false)
@PageTitle("Create account · PracticalCRM")
@AnonymousAllowed
public class CreateAccountView extends Main implements BeforeEnterObserver {

    static final String CHECK_EMAIL = "Check your email";

    private final UserService users;
    private final SignUpService signUps;
    private final ClientInfoResolver clients;
    private final Clock clock;

    final TextField fullName = new TextField("Full name");
    final EmailField email = new EmailField("Email");
    final PasswordField password = new PasswordField("Password");
    final PasswordStrengthMeter strength = new PasswordStrengthMeter();
    final Button create = new Button("Create account");
    final Paragraph problem = new Paragraph();
    private final Div formCard;
    final Div sentCard;
    final Paragraph sentTo = new Paragraph();

    public CreateAccountView(UserService users, SignUpService signUps, ClientInfoResolver clients, Clock clock) {
        this.users = users;
        this.signUps = signUps;
        this.clients = clients;
        this.clock = clock;
        addClassName("auth-page");

        fullName.setRequiredIndicatorVisible(true);
        fullName.setMaxLength(UserService.MAX_NAME_LENGTH);
        fullName.setAutocomplete(Autocomplete.NAME);
        fullName.setWidthFull();

        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(EmailAddress.MAX_LENGTH);
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setErrorMessage(EmailAddress.INVALID_MESSAGE);
        email.setWidthFull();

        PasswordStrengthMeter.configureNewPasswordField(password);
        password.addValueChangeListener(e -> updateStrength());

        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setWidthFull();
        create.addClickListener(e -> submit());
        create.addClickShortcut(Key.ENTER);

        Div links = new Div(new Paragraph("Already have an account? "), signInLink());
        links.addClassName("auth-links");

        problem.addClassName("auth-notice");
        problem.setVisible(false);

        formCard = new Div(new H1("Create account"), problem, fullName, email, password, strength, create, links);
        formCard.addClassName("auth-card");

        Div sentLinks = new Div(signInLink());
        sentLinks.addClassName("auth-links");
        sentCard = new Div(new H1(CHECK_EMAIL), sentTo,
                new Paragraph("Open the link in it to finish creating your account. The link works for 24 hours."),
                new Paragraph("No message after a few minutes? Look in your spam folder, or sign in with your "
                        + "email and password to have the link sent again."),
                sentLinks);
        sentCard.addClassName("auth-card");
        sentCard.setVisible(false);
        add(formCard, sentCard);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // The view is reused when the page is opened again in the same tab: show the form afresh.
        formCard.setVisible(true);
        sentCard.setVisible(false);
        problem.setVisible(false);
    }

    private PasswordCheck updateStrength() {
        PasswordCheck check = users.checkPassword(password.getValue(), fullName.getValue(), email.getValue());
        strength.show(check, password.isEmpty());
        return check;
    }

    private void submit() {
        boolean valid = true;
        try {
            UserService.validName(fullName.getValue());
            fullName.setInvalid(false);
        } catch (IllegalArgumentException e) {
            fullName.setErrorMessage(e.getMessage());
            fullName.setInvalid(true);
            valid = false;
        }
        if (!EmailAddress.isValidInput(email.getValue())) {
            email.setErrorMessage(EmailAddress.INVALID_MESSAGE);
            email.setInvalid(true);
            valid = false;
        } else {
            email.setInvalid(false);
        }
        PasswordCheck check = updateStrength();
        if (!check.acceptable()) {
            password.setErrorMessage(check.message());
            password.setInvalid(true);
            valid = false;
        } else {
            password.setInvalid(false);
        }
        if (!valid) {
            return;
        }
        problem.setVisible(false);
        try {
            signUps.signUp(fullName.getValue(), email.getValue(), password.getValue(), clients.current());
        } catch (SignUpThrottledException e) {
            problem.setText("Too many requests to create an account for this address or from your network. "
                    + RetryMessage.tryAgainIn(clock.instant(), e.retryAt()));
            problem.setVisible(true);
            return;
        } catch (PasswordRejectedException e) {
            password.setErrorMessage(e.getMessage());
            password.setInvalid(true);
            return;
        } catch (IllegalArgumentException e) {
            fullName.setErrorMessage(e.getMessage());
            fullName.setInvalid(true);
            return;
        }
        // The same answer whatever the address: what happened is said in the mail.
        sentTo.setText("We sent a message to " + EmailAddress.normalize(email.getValue()) + ".");
        password.clear();
        formCard.setVisible(false);
        sentCard.setVisible(true);
    }

    /** By path: the sign-in feature builds on accounts, so accounts do not refer to its classes. */
    private static Anchor signInLink() {
        return new Anchor(SecurityConfig.LOGIN_PATH, "Sign in");
    }
}
