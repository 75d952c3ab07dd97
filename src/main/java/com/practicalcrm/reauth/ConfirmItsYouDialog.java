package com.practicalcrm.reauth;

import java.util.List;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;

/**
 * The "Confirm it's you" dialog. One way is shown at a time: the password (2FA off), or the authenticator code
 * (2FA on) with "Use a recovery code" to switch to a recovery code and back. Further ways
 * ({@link ConfirmationOption}, e.g. a passkey) are buttons below the field. Errors show under the field; Enter
 * submits; Cancel runs nothing.
 */
final class ConfirmItsYouDialog extends Dialog {

    static final String TITLE = "Confirm it's you";
    static final String PASSWORD_TEXT = "For your security, enter your password to continue.";
    static final String CODE_TEXT = "For your security, enter the 6-digit code from your authenticator app to "
            + "continue.";
    static final String RECOVERY_TEXT = "Enter one of your recovery codes. Each code works once.";

    enum Way { PASSWORD, CODE, RECOVERY_CODE }

    private final ReauthenticationService reauthentication;
    private final Runnable sensitiveAction;

    final Paragraph text = new Paragraph();
    final PasswordField password = new PasswordField("Password");
    final TextField code = new TextField("Enter Authenticator Code");
    final TextField recoveryCode = new TextField("Recovery code");
    final Button useRecoveryCode = new Button("Use a recovery code");
    final Button useAuthenticatorCode = new Button("Use the authenticator app");
    final Div otherWays = new Div();
    final Button confirm = new Button("Confirm");
    final Button cancel = new Button("Cancel");
    private Way way;

    ConfirmItsYouDialog(ReauthenticationService reauthentication, List<ConfirmationOption> options,
                        Runnable sensitiveAction) {
        this.reauthentication = reauthentication;
        this.sensitiveAction = sensitiveAction;
        setHeaderTitle(TITLE);
        addClassName("confirm-its-you");
        setCloseOnOutsideClick(false);

        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "numeric");
        code.setMaxLength(9);
        recoveryCode.setAutocomplete(Autocomplete.OFF);
        recoveryCode.setMaxLength(64);
        for (TextFieldBase<?, String> field : List.of(password, code, recoveryCode)) {
            field.setWidthFull();
            field.setRequiredIndicatorVisible(true);
            field.addValueChangeListener(e -> field.setInvalid(false));
        }
        password.setMaxLength(1024);
        password.setRevealButtonVisible(false);

        useRecoveryCode.addThemeVariants(ButtonVariant.TERTIARY);
        useRecoveryCode.addClickListener(e -> show(Way.RECOVERY_CODE));
        useAuthenticatorCode.addThemeVariants(ButtonVariant.TERTIARY);
        useAuthenticatorCode.addClickListener(e -> show(Way.CODE));
        otherWays.addClassName("confirm-its-you-options");
        otherWays.add(useRecoveryCode, useAuthenticatorCode);
        for (ConfirmationOption option : options) {
            Button start = new Button(option.buttonText());
            start.addThemeVariants(ButtonVariant.TERTIARY);
            start.addClickListener(e -> option.start(new ConfirmationOption.Callback() {
                @Override
                public void confirmed() {
                    succeeded(null);
                }

                @Override
                public void failed(String message) {
                    refuse(message);
                }
            }));
            otherWays.add(start);
        }
        add(text, password, code, recoveryCode, otherWays);

        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.addClickListener(e -> submit());
        confirm.addClickShortcut(Key.ENTER).listenOn(this);
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, confirm);
        show(reauthentication.needsCode() ? Way.CODE : Way.PASSWORD);
    }

    Way way() {
        return way;
    }

    private void show(Way shown) {
        way = shown;
        password.setVisible(shown == Way.PASSWORD);
        code.setVisible(shown == Way.CODE);
        recoveryCode.setVisible(shown == Way.RECOVERY_CODE);
        useRecoveryCode.setVisible(shown == Way.CODE);
        useAuthenticatorCode.setVisible(shown == Way.RECOVERY_CODE);
        text.setText(switch (shown) {
            case PASSWORD -> PASSWORD_TEXT;
            case CODE -> CODE_TEXT;
            case RECOVERY_CODE -> RECOVERY_TEXT;
        });
        field().clear();
        field().setInvalid(false);
        field().focus();
    }

    private TextFieldBase<?, String> field() {
        return switch (way) {
            case PASSWORD -> password;
            case CODE -> code;
            case RECOVERY_CODE -> recoveryCode;
        };
    }

    private void submit() {
        try {
            String note = null;
            if (way == Way.PASSWORD) {
                reauthentication.confirmWithPassword(password.getValue());
            } else {
                note = reauthentication.confirmWithCode(field().getValue());
            }
            succeeded(note);
        } catch (ReauthenticationException refused) {
            refuse(refused.getMessage());
        }
    }

    private void succeeded(String note) {
        close();
        if (note != null) {
            Notification.show(note, 6000, Notification.Position.TOP_CENTER);
        }
        sensitiveAction.run();
    }

    private void refuse(String message) {
        TextFieldBase<?, String> field = field();
        field.clear();
        field.setErrorMessage(message);
        field.setInvalid(true);
        field.focus();
    }
}
