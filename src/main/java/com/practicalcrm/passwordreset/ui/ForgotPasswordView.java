package com.practicalcrm.passwordreset.ui;

import java.time.Clock;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.RetryMessage;
import com.practicalcrm.passwordreset.PasswordResetService;
import com.practicalcrm.passwordreset.ResetRequestThrottledException;
import com.practicalcrm.security.ClientInfoResolver;
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
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Reset Password from the sign-in page: asks for the email address and always gives the same answer, so the
 * page never tells whether an account exists.
 */
@Route(value = SecurityConfig.FORGOT_PASSWORD_PATH, autoLayout = false)
@PageTitle("Reset Password · PracticalCRM")
@AnonymousAllowed
public class ForgotPasswordView extends Main {

    public static final String SENT_MESSAGE = "If an account exists for that address, we have sent a link to "
            + "reset your password. It works once, within 30 minutes. Check your inbox, and your spam folder too.";

    private final PasswordResetService passwordResets;
    private final ClientInfoResolver clients;
    private final Clock clock;

    final EmailField email = new EmailField("Email");
    final Button send = new Button("Send link");
    final Paragraph intro = new Paragraph("Enter the email address of your account. We will send you a link to "
            + "choose a new password.");
    final Paragraph answer = new Paragraph();

    public ForgotPasswordView(PasswordResetService passwordResets, ClientInfoResolver clients, Clock clock) {
        this.passwordResets = passwordResets;
        this.clients = clients;
        this.clock = clock;
        addClassName("auth-page");

        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(EmailAddress.MAX_LENGTH);
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setErrorMessage(EmailAddress.INVALID_MESSAGE);
        email.setWidthFull();

        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.setWidthFull();
        send.addClickListener(e -> submit());
        send.addClickShortcut(Key.ENTER);

        answer.addClassName("auth-notice");
        answer.getElement().setAttribute("role", "status");
        answer.setVisible(false);

        Div links = new Div(new RouterLink("Back to sign in", LoginView.class));
        links.addClassName("auth-links");

        Div card = new Div(new H1("Reset Password"), intro, answer, email, send, links);
        card.addClassName("auth-card");
        add(card);
    }

    private void submit() {
        if (!EmailAddress.isValidInput(email.getValue())) {
            email.setErrorMessage(EmailAddress.INVALID_MESSAGE);
            email.setInvalid(true);
            return;
        }
        email.setInvalid(false);
        try {
            passwordResets.request(email.getValue(), clients.current());
            answer.setText(SENT_MESSAGE);
            answer.setVisible(true);
            intro.setVisible(false);
            email.setVisible(false);
            send.setVisible(false);
        } catch (ResetRequestThrottledException e) {
            email.setErrorMessage("Too many links were asked for in a short time. "
                    + RetryMessage.tryAgainIn(clock.instant(), e.retryAt()));
            email.setInvalid(true);
        }
    }
}
