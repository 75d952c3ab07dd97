package com.practicalcrm.twofactor.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** New recovery codes after regenerating, shown once; it closes only when the user says they saved them. */
final class RecoveryCodesDialog extends Dialog {

    final RecoveryCodesPanel codes;
    final Button saved = new Button("I have saved these codes");

    RecoveryCodesDialog(List<String> newCodes) {
        setHeaderTitle("Your new recovery codes");
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);
        setWidth("min(36rem, 100vw)");
        codes = new RecoveryCodesPanel(newCodes);
        add(new Paragraph("Your old recovery codes no longer work. Save these now: each signs you in once if you "
                + "lose access to your authenticator app, and they will not be shown again."), codes);
        saved.addThemeVariants(ButtonVariant.PRIMARY);
        saved.addClickListener(e -> close());
        getFooter().add(saved);
    }
}
