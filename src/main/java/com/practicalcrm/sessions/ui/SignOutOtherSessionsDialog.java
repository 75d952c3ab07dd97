package com.practicalcrm.sessions.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** Asks before every other session is signed out; the sign-out itself then asks "Confirm it's you" if needed. */
public final class SignOutOtherSessionsDialog extends Dialog {

    final Button confirm = new Button("Sign out other sessions");
    final Button cancel = new Button("Cancel");

    /**
     * @param signOut runs when the user confirms
     */
    public SignOutOtherSessionsDialog(Runnable signOut) {
        setHeaderTitle("Sign out other sessions");
        add(new Paragraph("Every other browser and device signed in to your account will be signed out at once."));

        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.addClickShortcut(Key.ENTER).listenOn(this);
        confirm.addClickListener(e -> {
            close();
            signOut.run();
        });
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, confirm);
    }
}
