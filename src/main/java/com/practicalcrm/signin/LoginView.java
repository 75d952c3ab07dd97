package com.practicalcrm.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.security.web.WebAttributes;

import com.practicalcrm.account.SignUpService;
import com.practicalcrm.common.RetryMessage;
import com.practicalcrm.common.ui.SessionAttributes;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.SecurityConfig;
import com.practicalcrm.sessions.SessionEndReason;
import com.practicalcrm.sessions.SessionLimits;
import com.practicalcrm.sessions.SessionValidationFilter;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Step one of sign-in. The form posts to Spring Security's form login, which checks the password and the
 * throttle; a refusal comes back here as {@code ?error} with the reason kept in the HTTP session.
 */
@Route(value = SecurityConfig.LOGIN_PATH, autoLayout = false)
@PageTitle("Sign in · PracticalCRM")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    static final String GENERIC_ERROR_TITLE = "Incorrect email or password";
    static final String GENERIC_ERROR_MESSAGE = "Check your email and password and try again.";
    static final String THROTTLED_TITLE = "Too many failed sign-in attempts";
    static final String UNCONFIRMED_TITLE = "Confirm your email address first";

    private final Clock clock;
    private final SessionLimits sessionLimits;
    private final SignUpService confirmationLinks;
    private final ClientInfoResolver clients;
    private final LoginForm form = new LoginForm();
    final LoginI18n i18n = LoginI18n.createDefault();
    private final Paragraph notice = new Paragraph();
    final Button sendLinkAgain = new Button("Send the link again");
    /** The address of the account whose password was just accepted but whose address is unconfirmed. */
    private String unconfirmedEmail;

    public LoginView(Clock clock, SessionLimits sessionLimits, SignUpService confirmationLinks,
                     ClientInfoResolver clients, List<SignInOption> signInOptions) {
        this.clock = clock;
        this.sessionLimits = sessionLimits;
        this.confirmationLinks = confirmationLinks;
        this.clients = clients;
        addClassName("auth-page");

        i18n.getForm().setTitle("Sign in to PracticalCRM");
        i18n.getForm().setUsername("Email");
        i18n.getForm().setPassword("Password");
        i18n.getForm().setSubmit("Sign in");
        i18n.getForm().setForgotPassword("Reset Password");
        i18n.getErrorMessage().setTitle(GENERIC_ERROR_TITLE);
        i18n.getErrorMessage().setMessage(GENERIC_ERROR_MESSAGE);
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(true);
        // By path, not class: the password reset pages belong to the account feature, which depends on security.
        form.addForgotPasswordListener(e -> e.getSource().getUI()
                .ifPresent(ui -> ui.navigate(SecurityConfig.FORGOT_PASSWORD_PATH)));

        notice.addClassName("auth-notice");
        notice.setVisible(false);

        // By path, not class: the account feature depends on security, not the other way round.
        Anchor createAccount = new Anchor("create-account", "Create account");
        Div links = new Div(new Paragraph("New to PracticalCRM? "), createAccount);
        links.addClassName("auth-links");

        // Shown only after the correct password of an account whose address is not confirmed yet.
        sendLinkAgain.setVisible(false);
        sendLinkAgain.addClickListener(e -> sendLinkAgain());

        Div card = new Div(notice, form, sendLinkAgain);
        // Other ways in (a passkey), offered by their features.
        signInOptions.forEach(option -> card.add(option.forSignInPage()));
        card.add(links);
        card.addClassName("auth-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        unconfirmedEmail = null;
        sendLinkAgain.setVisible(false);
        if (parameters.containsKey("password-reset")) {
            showNotice("Your password has been changed. Sign in with your new password.");
        } else if (parameters.containsKey("expired")) {
            showNotice("For your security, the code must be entered within 5 minutes of the password. "
                    + "Sign in again.");
        } else {
            sessionEndedNotice().ifPresent(this::showNotice);
        }
        if (parameters.containsKey("error")) {
            Object failure = takeAuthenticationFailure();
            if (failure instanceof SignInThrottledException throttled) {
                i18n.getErrorMessage().setTitle(THROTTLED_TITLE);
                i18n.getErrorMessage().setMessage("For your security, sign-in is paused for this account or "
                        + "network. " + RetryMessage.tryAgainIn(clock.instant(), throttled.retryAt()));
            } else if (failure instanceof AccountNotConfirmedException unconfirmed) {
                // Only someone who knew the password gets here, so the address may be named.
                unconfirmedEmail = unconfirmed.email();
                i18n.getErrorMessage().setTitle(UNCONFIRMED_TITLE);
                i18n.getErrorMessage().setMessage("Your password is correct, but the address " + unconfirmedEmail
                        + " is not confirmed yet. Open the link in the mail we sent to it when you created your "
                        + "account. No mail, or the link has expired? Send the link again.");
                sendLinkAgain.setVisible(true);
            } else {
                i18n.getErrorMessage().setTitle(GENERIC_ERROR_TITLE);
                i18n.getErrorMessage().setMessage(GENERIC_ERROR_MESSAGE);
            }
            form.setI18n(i18n);
            form.setError(true);
        }
    }

    private void sendLinkAgain() {
        if (unconfirmedEmail == null) {
            return;
        }
        Optional<Instant> retryAt = confirmationLinks.resendConfirmationLink(unconfirmedEmail, clients.current());
        if (retryAt.isPresent()) {
            showNotice("You have asked for several links in a short time. "
                    + RetryMessage.tryAgainIn(clock.instant(), retryAt.get()));
        } else {
            showNotice("We sent a new link to " + unconfirmedEmail + ". It works for 24 hours; older links no "
                    + "longer work. Open it, then sign in.");
            sendLinkAgain.setVisible(false);
        }
    }

    private void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(true);
    }

    /** Why the session filter ended the previous session, if it did. */
    private Optional<String> sessionEndedNotice() {
        Object reason = SessionAttributes.take(SessionValidationFilter.ENDED_NOTICE_ATTRIBUTE);
        if (reason == null) {
            return Optional.empty();
        }
        return Optional.of(switch (reason) {
            case SessionEndReason.IDLE -> "You were signed out after " + SessionLimits.describe(sessionLimits.idle())
                    + " without activity.";
            case SessionEndReason.LIFETIME -> "You were signed out because you have been signed in for "
                    + SessionLimits.describe(sessionLimits.lifetime()) + ". Please sign in again.";
            case SessionEndReason.FACTOR_REQUIRED -> "You were signed out because two-factor authentication was "
                    + "turned on for your account. Sign in again with your password and a code from your app.";
            default -> "You were signed out because your password was changed or your sessions were ended from "
                    + "another device. Sign in again to continue.";
        });
    }

    private static Object takeAuthenticationFailure() {
        return SessionAttributes.take(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
