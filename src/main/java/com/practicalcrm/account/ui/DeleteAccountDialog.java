package com.practicalcrm.account.ui;

import java.util.function.Function;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;

/** Delete account: the person types their address to show they mean it. */
final class DeleteAccountDialog extends Dialog {

    final EmailField email = new EmailField("Type your email address to confirm");
    final Button confirm = new Button("Delete account");
    final Button cancel = new Button("Cancel");

    DeleteAccountDialog(String accountEmail, Function<String, String> deleteAccount) {
        setHeaderTitle("Delete account");
        email.setWidthFull();
        email.setRequiredIndicatorVisible(true);
        email.setHelperText(accountEmail);
        add(new Paragraph("Your account, your picture, two-factor settings, recovery codes, passkeys, sessions, "
                + "remembered browsers and security activity will be deleted at once and for good. Every session, "
                + "this one included, will be signed out."), email);
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.addClickListener(e -> {
            String error = deleteAccount.apply(email.getValue());
            if (error == null) {
                close();
            } else {
                email.setErrorMessage(error);
                email.setInvalid(true);
            }
        });
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, confirm);
    }
}
