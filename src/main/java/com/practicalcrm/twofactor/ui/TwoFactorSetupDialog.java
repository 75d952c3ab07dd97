package com.practicalcrm.twofactor.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.BiFunction;

import com.practicalcrm.twofactor.TotpVerification;
import com.practicalcrm.twofactor.TwoFactorAlreadyEnabledException;
import com.practicalcrm.twofactor.TwoFactorSetup;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/**
 * Enabling 2FA: QR code and Secret Key for the app, the recovery codes, and the first code as proof. The pending
 * secret and codes live only in this dialog (server side); Cancel Setup, closing the dialog or leaving the page
 * drops them, and nothing is stored until the code verifies.
 */
final class TwoFactorSetupDialog extends Dialog {

    static final String CODES_WARNING = "These are one-time use codes that allow you to log in if you lose access "
            + "to your authenticator app. Store them safely (e.g., in a password manager, printed out). They will not "
            + "be shown again after verification.";

    private final BiFunction<TwoFactorSetup, String, TotpVerification> verifyAndEnable;
    private final Runnable onEnabled;
    private TwoFactorSetup setup;
    private boolean enabled;

    final TextField code = new TextField("Enter Authenticator Code");
    final Button verify = new Button("Verify & Enable");
    final Button cancel = new Button("Cancel Setup");
    final Button saved = new Button("I have saved these codes");
    final Span secretKey = new Span();
    final Paragraph skewHint = new Paragraph();
    RecoveryCodesPanel codes;

    /**
     * @param verifyAndEnable checks a code against the pending setup and, if it matches, stores 2FA
     * @param onEnabled       runs once 2FA is stored (the page behind shows the new status)
     */
    public TwoFactorSetupDialog(TwoFactorSetup setup, BiFunction<TwoFactorSetup, String, TotpVerification> verifyAndEnable,
                                Runnable onEnabled) {
        this.setup = setup;
        this.verifyAndEnable = verifyAndEnable;
        this.onEnabled = onEnabled;
        setHeaderTitle("Set up two-factor authentication");
        addClassName("two-factor-dialog");
        setCloseOnOutsideClick(false);
        setWidth("min(40rem, 100vw)");

        byte[] png = setup.qrCodePng();
        Image qrCode = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(png), "practicalcrm-2fa-qr-code.png", "image/png", png.length)),
                "QR code for adding PracticalCRM to your authenticator app");
        qrCode.addClassName("qr-code");
        Div qrTile = new Div(qrCode);
        qrTile.addClassName("qr-tile");

        secretKey.setText(setup.secretKey());
        secretKey.setId("two-factor-secret");
        secretKey.addClassName("secret-key");
        Span secretLabel = new Span("Secret Key");
        secretLabel.setId("two-factor-secret-label");
        secretLabel.addClassName("field-label");
        secretKey.getElement().setAttribute("aria-labelledby", secretLabel.getId().orElseThrow());
        Div secret = new Div(secretLabel, secretKey, ClientActions.copyButton("Copy key", setup.secretKey().replace(" ", "")));
        secret.addClassName("secret-key-row");
        Anchor sameDevice = new Anchor();
        sameDevice.setText("Open in an authenticator app on this device");
        // Set on the element: Anchor.setHref refuses schemes outside its safe list, and otpauth: is not on it.
        // The URI is built by OtpAuthUri from our own values, never from user input.
        sameDevice.getElement().setAttribute("href", setup.otpAuthUri());
        sameDevice.setRouterIgnore(true);

        codes = new RecoveryCodesPanel(setup.recoveryCodes());

        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setAllowedCharPattern("[0-9 ]");
        code.setMaxLength(7);
        code.setHelperText("6 digits");
        code.addClassName("code-field");
        // The numeric keyboard on phones; the web component does not forward inputmode to its input itself.
        code.getElement().executeJs("const set = () => this.inputElement ? this.inputElement.inputMode = 'numeric' "
                + ": requestAnimationFrame(set); set();");
        code.addValueChangeListener(e -> code.setInvalid(false));

        verify.addThemeVariants(ButtonVariant.PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        verify.addClickListener(e -> verify());
        cancel.addClickListener(e -> close());
        saved.addThemeVariants(ButtonVariant.PRIMARY);
        saved.addClickListener(e -> close());

        add(new Paragraph("1. Scan this QR code with your authenticator app (like Google Authenticator, Authy, "
                        + "Microsoft Authenticator, or a password manager with TOTP support)."),
                qrTile,
                new Paragraph("Can't scan it? Enter the Secret Key in your app instead, or open the setup link on "
                        + "the device that has the app."),
                secret, sameDevice,
                new H3("Recovery Codes"),
                new Paragraph("2. Before you continue, save your recovery codes. " + CODES_WARNING),
                codes,
                new Paragraph("3. Enter the 6-digit code your app now shows for PracticalCRM."),
                code);
        getFooter().add(cancel, verify);

        // Esc, Cancel Setup or leaving the page: the pending secret and codes are dropped. After enabling, the
        // dialog closes only through "I have saved these codes".
        addDialogCloseActionListener(e -> {
            if (!enabled) {
                close();
            }
        });
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                discard();
            }
        });
        addDetachListener(e -> discard());
    }

    @Override
    public void close() {
        discard();
        super.close();
    }

    /** Whether the secret and codes of this setup are still held. */
    boolean hasPendingSetup() {
        return setup != null;
    }


    private void verify() {
        if (setup == null || enabled) {
            return;
        }
        TotpVerification verification;
        try {
            verification = verifyAndEnable.apply(setup, code.getValue());
        } catch (TwoFactorAlreadyEnabledException e) {
            code.setInvalid(true);
            code.setErrorMessage(e.getMessage());
            verify.setEnabled(false);
            return;
        }
        if (!verification.isAccepted()) {
            code.setErrorMessage(verification.message().orElse(TotpVerification.INVALID_MESSAGE));
            code.setInvalid(true);
            code.focus();
            return;
        }
        showCodesOneLastTime(verification);
        onEnabled.run();
    }

    private void showCodesOneLastTime(TotpVerification verification) {
        enabled = true;
        // The secret is stored now; this dialog no longer needs it.
        List<String> recoveryCodes = setup.recoveryCodes();
        setup = null;
        setCloseOnEsc(false);
        removeAll();
        getFooter().removeAll();
        setHeaderTitle("Two-factor authentication is on");
        add(new Paragraph("From now on, signing in asks for a code from your authenticator app after your "
                + "password."));
        verification.message().ifPresent(hint -> {
            skewHint.setText(hint);
            skewHint.addClassName("hint");
            add(skewHint);
        });
        add(new H3("Recovery Codes"),
                new Paragraph("Here are your recovery codes one last time. Make sure you have saved them: they will "
                        + "not be shown again."));
        codes = new RecoveryCodesPanel(recoveryCodes);
        add(codes);
        getFooter().add(saved);
    }

    private void discard() {
        setup = null;
    }
}
