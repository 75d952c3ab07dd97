package com.practicalcrm.passkeys.ui;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.practicalcrm.signin.SignInOption;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * "Sign in with a passkey" on the sign-in page (plus passkeys in the Email field's autofill where the browser
 * supports it) and "Use a passkey" at the code step. The browser talks to the passkey sign-in endpoints itself;
 * on success the page goes where a password sign-in would have gone.
 */
@Component
class PasskeySignInOption implements SignInOption {

    static final String SIGN_IN = "Sign in with a passkey";
    static final String USE_AT_CODE_STEP = "Use a passkey";
    static final String NOT_SUPPORTED_NOTE = "Passkeys are not available in this browser: sign in with your email "
            + "and password.";

    @Override
    public com.vaadin.flow.component.Component forSignInPage() {
        return new PasskeyButton(SIGN_IN, true);
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> forCodeStep() {
        return Optional.of(new PasskeyButton(USE_AT_CODE_STEP, false));
    }

    /** The button, its messages, and (on the sign-in page) the waiting autofill request. */
    static final class PasskeyButton extends Div {

        final Button button;
        final Paragraph message = new Paragraph();
        private final boolean signInPage;

        PasskeyButton(String text, boolean signInPage) {
            this.signInPage = signInPage;
            addClassName("passkey-sign-in");
            button = new Button(text, e -> signIn(false));
            if (!signInPage) {
                button.addThemeVariants(ButtonVariant.TERTIARY);
            }
            button.setWidthFull();
            // Shown once the browser has said it can use passkeys.
            button.setVisible(false);
            message.addClassName("auth-error");
            message.getElement().setAttribute("role", "alert");
            message.setVisible(false);
            add(button, message);
        }

        @Override
        protected void onAttach(AttachEvent event) {
            UI ui = event.getUI();
            PasskeyScript.supported(ui, supported -> {
                button.setVisible(supported);
                if (!supported) {
                    showNote(NOT_SUPPORTED_NOTE);
                } else if (signInPage) {
                    // Autofill: the browser offers passkeys among the Email field's suggestions. A request that is
                    // aborted, unavailable or dismissed stays silent: it is not something the person asked for.
                    PasskeyScript.markEmailFieldForAutofill(ui);
                    PasskeyScript.signIn(ui, true, result -> {
                        if (result.is("signed-in") || result.is("refused")) {
                            handle(result);
                        }
                    });
                }
            });
        }

        @Override
        protected void onDetach(DetachEvent event) {
            PasskeyScript.abortPending(event.getUI());
        }

        void signIn(boolean autofill) {
            message.setVisible(false);
            getUI().ifPresent(ui -> PasskeyScript.signIn(ui, autofill, this::handle));
        }

        private void handle(PasskeyScript.Result result) {
            switch (result.status()) {
                case "signed-in" -> getUI().ifPresent(ui -> ui.getPage().setLocation(result.redirectUrl()));
                case "refused" -> showError(result.message());
                case "aborted" -> {
                    // Replaced by a newer request.
                }
                default -> showError(BrowserAnswers.describe(result));
            }
        }

        private void showError(String text) {
            message.removeClassName("auth-note");
            message.addClassName("auth-error");
            message.setText(text);
            message.setVisible(true);
        }

        private void showNote(String text) {
            message.removeClassName("auth-error");
            message.addClassName("auth-note");
            message.getElement().removeAttribute("role");
            message.setText(text);
            message.setVisible(true);
        }
    }
}
