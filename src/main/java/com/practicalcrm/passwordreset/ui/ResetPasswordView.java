package com.practicalcrm.passwordreset.ui;

import java.util.Optional;

import com.practicalcrm.account.PasswordRejectedException;
import com.practicalcrm.account.UserService;
import com.practicalcrm.account.ui.PasswordStrengthMeter;
import com.practicalcrm.passwordreset.InvalidResetLinkException;
import com.practicalcrm.passwordreset.PasswordResetService;
import com.practicalcrm.passwordreset.ResetAccount;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.PasswordPolicy;
import com.practicalcrm.security.PasswordPolicy.PasswordCheck;
import com.practicalcrm.security.SecurityConfig;
import com.practicalcrm.signin.LoginView;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The page a reset link opens ({@code /reset-password/<token>}): a new password twice, under the rules and with
 * the strength meter of the create-account page. A link that no longer works gets a page that says so and
 * offers a new one. The token stays in this view instance; it is never logged.
 */
@Route(value = SecurityConfig.RESET_PASSWORD_PATH, autoLayout = false)
@PageTitle("Choose a new password · PracticalCRM")
@AnonymousAllowed
public class ResetPasswordView extends Main implements HasUrlParameter<String> {

    static final String LINK_INVALID_TITLE = "This link no longer works";

    private final PasswordResetService passwordResets;
    private final UserService users;
    private final ClientInfoResolver clients;
    private final Div card = new Div();

    private String token;
    private ResetAccount account;

    final H1 title = new H1();
    final PasswordField newPassword = new PasswordField("New password");
    final PasswordField repeatPassword = new PasswordField("Repeat new password");
    final PasswordStrengthMeter strength = new PasswordStrengthMeter();
    final Button save = new Button("Set new password");

    public ResetPasswordView(PasswordResetService passwordResets, UserService users, ClientInfoResolver clients) {
        this.passwordResets = passwordResets;
        this.users = users;
        this.clients = clients;
        addClassName("auth-page");
        card.addClassName("auth-card");
        add(card);

        PasswordStrengthMeter.configureNewPasswordField(newPassword);
        newPassword.addValueChangeListener(e -> updateStrength());

        repeatPassword.setRequiredIndicatorVisible(true);
        repeatPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        repeatPassword.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeatPassword.setWidthFull();

        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setWidthFull();
        save.addClickListener(e -> submit());
        save.addClickShortcut(Key.ENTER);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String token) {
        this.token = token;
        Optional<ResetAccount> valid = token == null ? Optional.empty() : passwordResets.openLink(token);
        valid.ifPresentOrElse(this::showForm, this::showLinkInvalid);
    }

    private void showForm(ResetAccount account) {
        this.account = account;
        title.setText("Choose a new password");
        card.removeAll();
        card.add(title, new Paragraph("For your account " + account.email().value() + ". Afterwards you sign in "
                        + "again with the new password, on every device."),
                newPassword, strength, repeatPassword, save, backToSignIn());
    }

    private void showLinkInvalid() {
        title.setText(LINK_INVALID_TITLE);
        card.removeAll();
        RouterLink askAgain = new RouterLink("Ask for a new link", ForgotPasswordView.class);
        askAgain.addClassName("auth-action");
        card.add(title,
                new Paragraph("Links to reset your password work once, for 30 minutes, and only the newest link "
                        + "you asked for works. Ask for a new link and use it within 30 minutes."),
                askAgain, backToSignIn());
    }

    private static Div backToSignIn() {
        Div links = new Div(new RouterLink("Back to sign in", LoginView.class));
        links.addClassName("auth-links");
        return links;
    }

    private PasswordCheck updateStrength() {
        PasswordCheck check = users.checkPassword(newPassword.getValue(), account.fullName(),
                account.email().value());
        strength.show(check, newPassword.isEmpty());
        return check;
    }

    private void submit() {
        PasswordCheck check = updateStrength();
        if (!check.acceptable()) {
            newPassword.setErrorMessage(check.message());
            newPassword.setInvalid(true);
            return;
        }
        newPassword.setInvalid(false);
        if (!newPassword.getValue().equals(repeatPassword.getValue())) {
            repeatPassword.setErrorMessage("The two passwords are not the same. Type the new password again.");
            repeatPassword.setInvalid(true);
            return;
        }
        repeatPassword.setInvalid(false);
        try {
            passwordResets.resetPassword(token, newPassword.getValue(), clients.current());
            getUI().ifPresent(ui -> ui.navigate(LoginView.class, QueryParameters.of("password-reset", "")));
        } catch (PasswordRejectedException e) {
            newPassword.setErrorMessage(e.getMessage());
            newPassword.setInvalid(true);
        } catch (InvalidResetLinkException e) {
            showLinkInvalid();
        }
    }
}
