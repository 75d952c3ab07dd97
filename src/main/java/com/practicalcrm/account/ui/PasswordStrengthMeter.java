package com.practicalcrm.account.ui;

import com.practicalcrm.security.PasswordPolicy;
import com.practicalcrm.security.PasswordPolicy.PasswordCheck;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The live strength bar and verdict under a new-password field, as on the create-account page. */
public final class PasswordStrengthMeter extends Composite<Div> {

    final ProgressBar bar = new ProgressBar(0, 4);
    final Span verdict = new Span();

    public PasswordStrengthMeter() {
        bar.setValue(0);
        bar.getElement().setAttribute("aria-label", "Password strength");
        bar.addClassName("password-strength");
        verdict.addClassName("password-strength-text");
        verdict.getElement().setAttribute("aria-live", "polite");
        getContent().add(bar, verdict);
    }

    /** @param empty whether nothing is typed yet (then the meter stays blank) */
    public void show(PasswordCheck check, boolean empty) {
        bar.setValue(empty ? 0 : Math.max(0.25, check.score()));
        bar.getElement().setAttribute("data-score", String.valueOf(check.score()));
        verdict.setText(empty ? "" : check.message());
        verdict.getElement().setAttribute("data-acceptable", String.valueOf(check.acceptable()));
    }

    /** The settings every new-password field shares: required, length limit, browser hints, live checking. */
    public static void configureNewPasswordField(PasswordField field) {
        field.setRequiredIndicatorVisible(true);
        field.setMaxLength(PasswordPolicy.MAX_LENGTH);
        field.setAutocomplete(Autocomplete.NEW_PASSWORD);
        field.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters. A few unrelated words "
                + "make a strong password that is easy to remember.");
        field.setValueChangeMode(ValueChangeMode.EAGER);
        field.setWidthFull();
    }

    public String verdict() {
        return verdict.getText();
    }
}
