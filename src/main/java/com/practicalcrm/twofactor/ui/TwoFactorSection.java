package com.practicalcrm.twofactor.ui;

import java.time.Clock;
import java.util.List;

import com.practicalcrm.common.RetryMessage;
import com.practicalcrm.common.UserId;
import com.practicalcrm.sessions.CurrentSession;
import com.practicalcrm.twofactor.ConfirmationRejectedException;
import com.practicalcrm.twofactor.TwoFactorService;
import com.practicalcrm.twofactor.TwoFactorStatus;
import com.practicalcrm.twofactor.TwoFactorThrottledException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;

/**
 * The 2FA controls of the profile page: Enable 2FA when it is off; Disable 2FA, the number of unused recovery
 * codes and Regenerate recovery codes when it is on. The status badge is handed to the page for its field row.
 */
public final class TwoFactorSection extends Div {

    private final TwoFactorService twoFactor;
    private final Runnable onDisabled;
    private final UserId user;
    private final Clock clock;

    final Span status = new Span();
    final Paragraph remainingCodes = new Paragraph();
    final Button enable = new Button("Enable 2FA");
    final Button disable = new Button("Disable 2FA");
    final Button regenerate = new Button("Regenerate recovery codes");
    TwoFactorSetupDialog setupDialog;
    ConfirmDialog confirmDialog;
    PasswordField confirmField;
    RecoveryCodesDialog newCodesDialog;

    /**
     * @param onDisabled runs after 2FA was turned off, e.g. to end the user's other sessions (docs/security-rules.md)
     */
    public TwoFactorSection(TwoFactorService twoFactor, UserId user, Clock clock, Runnable onDisabled) {
        this.onDisabled = onDisabled;
        this.twoFactor = twoFactor;
        this.user = user;
        this.clock = clock;
        addClassName("two-factor-controls");
        status.setId("two-factor-status");
        remainingCodes.setId("recovery-codes-remaining");

        enable.addThemeVariants(ButtonVariant.PRIMARY);
        enable.addClickListener(e -> openSetup());
        disable.addClickListener(e -> confirmDisable());
        regenerate.addClickListener(e -> confirmRegenerate());
        Div actions = new Div(enable, disable, regenerate);
        actions.addClassName("two-factor-actions");
        add(remainingCodes, actions);
        refresh();
    }

    /** The Enabled / Disabled badge. */
    public Span status() {
        return status;
    }

    private void refresh() {
        TwoFactorStatus current = twoFactor.status(user);
        status.setText(current.enabled() ? "Enabled" : "Disabled");
        status.getElement().getThemeList().clear();
        status.getElement().getThemeList().add(current.enabled() ? "badge success" : "badge contrast");
        enable.setVisible(!current.enabled());
        disable.setVisible(current.enabled());
        regenerate.setVisible(current.enabled());
        remainingCodes.setVisible(current.enabled());
        int left = current.unusedRecoveryCodes();
        remainingCodes.setText((left == 1 ? "1 unused recovery code" : left + " unused recovery codes")
                + (left <= TwoFactorService.FEW_RECOVERY_CODES ? ". Generate new ones soon." : "."));
    }

    private void openSetup() {
        setupDialog = new TwoFactorSetupDialog(twoFactor.startSetup(user),
                (setup, code) -> twoFactor.enable(user, setup, code, CurrentSession.key()),
                () -> {
                    SessionSecondFactor.grantToCurrentSession(twoFactor.credentialVersion(user));
                    refresh();
                });
        // A child of this page: leaving the page detaches the dialog, which drops the pending setup.
        add(setupDialog);
        setupDialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                remove(e.getSource());
            }
        });
        setupDialog.open();
    }

    private void confirmDisable() {
        PasswordField password = new PasswordField("Current password");
        confirmDialog = confirmation("Disable two-factor authentication?",
                "Signing in will no longer ask for a code, and your recovery codes will stop working. Enter your "
                        + "current password to confirm.",
                password, "Disable 2FA", value -> {
                    twoFactor.disable(user, value);
                    onDisabled.run();
                    Notification.show("Two-factor authentication is off.", 5000, Notification.Position.TOP_CENTER);
                });
    }

    private void confirmRegenerate() {
        PasswordField passwordOrCode = new PasswordField("Current password or authenticator code");
        confirmDialog = confirmation("Regenerate recovery codes?",
                "Your current recovery codes stop working at once and you get 10 new ones. Enter your current "
                        + "password or the code from your authenticator app to confirm.",
                passwordOrCode, "Regenerate recovery codes", value -> {
                    List<String> codes = twoFactor.regenerateRecoveryCodes(user, value);
                    if (newCodesDialog != null) {
                        remove(newCodesDialog);
                    }
                    newCodesDialog = new RecoveryCodesDialog(codes);
                    add(newCodesDialog);
                    newCodesDialog.open();
                });
    }

    /** What a confirmation does with the entered password or code; may refuse with an exception. */
    @FunctionalInterface
    private interface ConfirmedAction {
        void run(String value);
    }

    /**
     * A ConfirmDialog with a secret field. The browser closes a ConfirmDialog on confirm, so a wrong entry opens
     * it again with the reason under the field. The dialog stays attached after closing: its confirm event
     * arrives in the same round trip as the close.
     */
    private ConfirmDialog confirmation(String header, String text, PasswordField field, String confirmText,
                                       ConfirmedAction action) {
        if (confirmDialog != null) {
            remove(confirmDialog);
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        field.setWidthFull();
        field.setRevealButtonVisible(false);
        field.addValueChangeListener(e -> field.setInvalid(false));
        dialog.setText(new Div(new Paragraph(text), field));
        dialog.setCancelable(true);
        dialog.setCancelText("Cancel");
        dialog.setConfirmText(confirmText);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                action.run(field.getValue());
                refresh();
            } catch (ConfirmationRejectedException rejected) {
                refuse(dialog, field, rejected.getMessage());
            } catch (TwoFactorThrottledException throttled) {
                refuse(dialog, field, "Too many wrong attempts. "
                        + RetryMessage.tryAgainIn(clock.instant(), throttled.retryAt()));
            }
        });
        confirmField = field;
        add(dialog);
        dialog.open();
        return dialog;
    }

    private static void refuse(ConfirmDialog dialog, PasswordField field, String reason) {
        field.clear();
        field.setErrorMessage(reason);
        field.setInvalid(true);
        dialog.open();
        field.focus();
    }
}
