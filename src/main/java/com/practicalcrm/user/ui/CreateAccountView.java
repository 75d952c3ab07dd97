package com.practicalcrm.user.ui;

import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.PasswordPolicy;
import com.practicalcrm.security.PasswordPolicy.PasswordCheck;
import com.practicalcrm.security.login.LoginView;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.user.EmailAlreadyInUseException;
import com.practicalcrm.user.PasswordRejectedException;
import com.practicalcrm.user.UserService;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Create account: Full name, Email, Password with a live strength indicator. */
@Route(value = "create-account", autoLayout = false)
@PageTitle("Create account · PracticalCRM")
@AnonymousAllowed
public class CreateAccountView extends Main {

    private final UserService users;
    private final ClientInfoResolver clients;

    final TextField fullName = new TextField("Full name");
    final EmailField email = new EmailField("Email");
    final PasswordField password = new PasswordField("Password");
    final PasswordStrengthMeter strength = new PasswordStrengthMeter();
    final Button create = new Button("Create account");

    public CreateAccountView(UserService users, ClientInfoResolver clients) {
        this.users = users;
        this.clients = clients;
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

        Div links = new Div(new Paragraph("Already have an account? "), new RouterLink("Sign in", LoginView.class));
        links.addClassName("auth-links");

        Div card = new Div(new H1("Create account"), fullName, email, password, strength, create,
                links);
        card.addClassName("auth-card");
        add(card);
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
        try {
            users.register(fullName.getValue(), email.getValue(), password.getValue(), clients.current());
            getUI().ifPresent(ui -> ui.navigate(LoginView.class, QueryParameters.of("created", "")));
        } catch (EmailAlreadyInUseException e) {
            email.setErrorMessage(e.getMessage());
            email.setInvalid(true);
        } catch (PasswordRejectedException e) {
            password.setErrorMessage(e.getMessage());
            password.setInvalid(true);
        } catch (IllegalArgumentException e) {
            fullName.setErrorMessage(e.getMessage());
            fullName.setInvalid(true);
        }
    }
}
