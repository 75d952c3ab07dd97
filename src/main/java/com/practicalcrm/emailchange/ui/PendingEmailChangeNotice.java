package com.practicalcrm.emailchange.ui;

import com.practicalcrm.emailchange.PendingEmailChange;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.SerializableRunnable;

/** The requested new address that waits for its link to be opened, with a way to withdraw the request. */
public final class PendingEmailChangeNotice extends Div {

    final Span text = new Span();
    final Button cancel = new Button("Cancel email change");

    public PendingEmailChangeNotice(PendingEmailChange pending, SerializableRunnable onCancel) {
        addClassName("pending-email");
        text.setId("pending-email");
        text.setText("Waiting for confirmation: " + pending.newEmail().value()
                + ". Open the link we sent there to start using it.");
        cancel.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        cancel.addClickListener(e -> {
            onCancel.run();
            setVisible(false);
        });
        add(text, cancel);
    }
}
