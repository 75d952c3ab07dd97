package com.practicalcrm.passkeys.ui;

import com.practicalcrm.passkeys.PasskeyService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableFunction;

/** Asks for a passkey's name (to add one, or to rename one); the callback answers an error message or null. */
final class PasskeyNameDialog extends Dialog {

    static final String NAME_LABEL = "Passkey name";

    final TextField name = new TextField(NAME_LABEL);
    final Button confirm;

    PasskeyNameDialog(String title, String confirmText, String initialName,
                      SerializableFunction<String, String> onConfirm) {
        setHeaderTitle(title);
        name.setValue(initialName);
        name.setMaxLength(PasskeyService.MAX_NAME_LENGTH);
        name.setRequired(true);
        name.setWidthFull();
        name.setHelperText("For example the device or password manager that keeps it.");
        name.setAutofocus(true);
        add(name);
        confirm = new Button(confirmText, e -> {
            String error = onConfirm.apply(name.getValue());
            name.setInvalid(error != null);
            name.setErrorMessage(error);
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, confirm);
    }
}
