package com.practicalcrm.twofactor.ui;

import java.util.List;

import com.practicalcrm.common.RetryMessage;
import com.practicalcrm.common.UserId;
import com.practicalcrm.reauth.ConfirmItsYou;
import com.practicalcrm.sessions.CurrentSession;
import com.practicalcrm.twofactor.TwoFactorService;
import com.practicalcrm.twofactor.TwoFactorStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;

/**
 * The 2FA controls of the profile page: Enable 2FA when it is off; Disable 2FA, the number of unused recovery
 * codes and Regenerate recovery codes when it is on. The status badge is handed to the page for its field row.
 */
public final class TwoFactorSection extends Div {

    private final TwoFactorService twoFactor;
    private final Runnable onDisabled;
    private final UserId user;
    private final ConfirmItsYou confirmItsYou;

    final Span status = new Span();
    final Paragraph remainingCodes = new Paragraph();
    final Button enable = new Button("Enable 2FA");
    final Button disable = new Button("Disable 2FA");
    final Button regenerate = new Button("Regenerate recovery codes");
    TwoFactorSetupDialog setupDialog;
    ConfirmDialog confirmDialog;
    RecoveryCodesDialog newCodesDialog;

    /**
     * @param onDisabled runs after 2FA was turned off, e.g. to end the user's other sessions (docs/security-rules.md)
     */
    public TwoFactorSection(TwoFactorService twoFactor, UserId user, ConfirmItsYou confirmItsYou,
                            Runnable onDisabled) {
        this.onDisabled = onDisabled;
        this.twoFactor = twoFactor;
        this.user = user;
        this.confirmItsYou = confirmItsYou;
        addClassName("two-factor-controls");
        status.setId("two-factor-status");
        remainingCodes.setId("recovery-codes-remaining");

        enable.addThemeVariants(ButtonVariant.PRIMARY);
        enable.addClickListener(e -> confirmItsYou.run(this::openSetup));
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
        confirmDialog = confirmation("Disable two-factor authentication?",
                "Signing in will no longer ask for a code, and your recovery codes will stop working.",
                "Disable 2FA", () -> {
                    twoFactor.disable(user);
                    onDisabled.run();
                    refresh();
                    Notification.show("Two-factor authentication is off.", 5000, Notification.Position.TOP_CENTER);
                });
    }

    private void confirmRegenerate() {
        confirmDialog = confirmation("Regenerate recovery codes?",
                "Your current recovery codes stop working at once and you get 10 new ones.",
                "Regenerate recovery codes", () -> {
                    List<String> codes = twoFactor.regenerateRecoveryCodes(user);
                    refresh();
                    if (newCodesDialog != null) {
                        remove(newCodesDialog);
                    }
                    newCodesDialog = new RecoveryCodesDialog(codes);
                    add(newCodesDialog);
                    newCodesDialog.open();
                });
    }

    /**
     * The prompt of the change; its confirm button then asks "Confirm it's you" (unless the user confirmed within
     * the last minutes) before the change runs. The dialog stays attached after closing: its confirm event
     * arrives in the same round trip as the close.
     */
    private ConfirmDialog confirmation(String header, String text, String confirmText, Runnable change) {
        if (confirmDialog != null) {
            remove(confirmDialog);
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(new Paragraph(text));
        dialog.setCancelable(true);
        dialog.setCancelText("Cancel");
        dialog.setConfirmText(confirmText);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> confirmItsYou.run(change));
        add(dialog);
        dialog.open();
        return dialog;
    }
}
