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
    private final Div actions = new Div();
    // Made when first shown: a profile shows either Enable 2FA or the other three, and every open profile page
    // holds what it made.
    Button enable;
    Paragraph remainingCodes;
    Button disable;
    Button regenerate;
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
        actions.addClassName("two-factor-actions");
        add(actions);
        refresh();
    }

    /** The Enabled / Disabled badge. */
    public Span status() {
        return status;
    }

    private void refresh() {
        TwoFactorStatus current = twoFactor.status(user);
        boolean on = current.enabled();
        status.setText(on ? "Enabled" : "Disabled");
        status.getElement().getThemeList().clear();
        status.getElement().getThemeList().add(on ? "badge success" : "badge contrast");
        if (!on && enable == null) {
            enable = new Button("Enable 2FA", e -> confirmItsYou.run(this::openSetup));
            enable.addThemeVariants(ButtonVariant.PRIMARY);
            actions.addComponentAsFirst(enable);
        }
        if (on && disable == null) {
            remainingCodes = new Paragraph();
            remainingCodes.setId("recovery-codes-remaining");
            addComponentAsFirst(remainingCodes);
            disable = new Button("Disable 2FA", e -> confirmDisable());
            regenerate = new Button("Regenerate recovery codes", e -> confirmRegenerate());
            actions.add(disable, regenerate);
        }
        if (enable != null) {
            enable.setVisible(!on);
        }
        if (disable != null) {
            disable.setVisible(on);
            regenerate.setVisible(on);
            remainingCodes.setVisible(on);
        }
        if (on) {
            int left = current.unusedRecoveryCodes();
            remainingCodes.setText((left == 1 ? "1 unused recovery code" : left + " unused recovery codes")
                    + (left <= TwoFactorService.FEW_RECOVERY_CODES ? ". Generate new ones soon." : "."));
        }
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
