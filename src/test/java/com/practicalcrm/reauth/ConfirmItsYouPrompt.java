package com.practicalcrm.reauth;

import java.util.List;
import java.util.Optional;

import com.vaadin.browserless.internal.ShortcutsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.ButtonTester;
import com.vaadin.flow.component.textfield.TextFieldBase;

/**
 * The "Confirm it's you" dialog as view tests of other features see it: whether it is open, and what a person does
 * in it (type into the visible field, press Enter or a button, read the error under the field).
 */
public final class ConfirmItsYouPrompt {

    private final ConfirmItsYouDialog dialog;

    private ConfirmItsYouPrompt(ConfirmItsYouDialog dialog) {
        this.dialog = dialog;
    }

    /** The open dialog of the current UI, if any. */
    public static Optional<ConfirmItsYouPrompt> find() {
        return openDialogs(UI.getCurrent()).stream().findFirst().map(ConfirmItsYouPrompt::new);
    }

    /** @throws AssertionError when the dialog is not open */
    public static ConfirmItsYouPrompt shown() {
        return find().orElseThrow(() -> new AssertionError("The \"Confirm it's you\" dialog is not open"));
    }

    private static List<ConfirmItsYouDialog> openDialogs(Component root) {
        List<ConfirmItsYouDialog> found = new java.util.ArrayList<>();
        root.getChildren().forEach(child -> {
            if (child instanceof ConfirmItsYouDialog dialog && dialog.isOpened()) {
                found.add(dialog);
            }
            found.addAll(openDialogs(child));
        });
        return found;
    }

    public boolean isOpen() {
        return dialog.isOpened() && dialog.isAttached();
    }

    public String title() {
        return dialog.getHeaderTitle();
    }

    /** The label of the field shown: "Password", "Enter Authenticator Code" or "Recovery code". */
    public String fieldLabel() {
        return field().getLabel();
    }

    public ConfirmItsYouPrompt type(String value) {
        field().setValue(value);
        return this;
    }

    /** Enter in the dialog, as the browser sends it from the focused field. */
    public ConfirmItsYouPrompt pressEnter() {
        ShortcutsKt._fireShortcut(dialog, Key.ENTER);
        return this;
    }

    public ConfirmItsYouPrompt clickConfirm() {
        new ButtonTester<>(dialog.confirm).click();
        return this;
    }

    public void cancel() {
        new ButtonTester<>(dialog.cancel).click();
    }

    public ConfirmItsYouPrompt useRecoveryCode() {
        new ButtonTester<>(dialog.useRecoveryCode).click();
        return this;
    }

    /** The error under the field, or null when it is not marked invalid. */
    public String error() {
        return field().isInvalid() ? field().getErrorMessage() : null;
    }

    private TextFieldBase<?, String> field() {
        return switch (dialog.way()) {
            case PASSWORD -> dialog.password;
            case CODE -> dialog.code;
            case RECOVERY_CODE -> dialog.recoveryCode;
        };
    }
}
