package com.practicalcrm.sessions.ui;

import java.util.function.Function;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;

/** Asks for the current password before every other session is signed out. */
public final class SignOutOtherSessionsDialog extends Dialog {

    final PasswordField password = new PasswordField("Password");
    final Button confirm = new Button("Sign out other sessions");
    final Button cancel = new Button("Cancel");

    /**
     * @param signOut called with the password; returns an error message for the field, or null when done
     */
    public SignOutOtherSessionsDialog(Function<String, String> signOut) {
        setHeaderTitle("Sign out other sessions");
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.setWidthFull();
        password.setRequiredIndicatorVisible(true);
        add(new Paragraph("Every other browser and device signed in to your account will be signed out at once. "
                + "Enter your password to confirm."), password);

        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.addClickShortcut(Key.ENTER);
        confirm.addClickListener(e -> {
            String error = signOut.apply(password.getValue());
            if (error == null) {
                close();
            } else {
                password.setErrorMessage(error);
                password.setInvalid(true);
            }
        });
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, confirm);
    }
}
