package com.practicalcrm.passkeys.ui;

import java.time.ZoneId;
import java.util.List;

import org.springframework.context.annotation.Scope;

import com.practicalcrm.common.BrowserDescription;
import com.practicalcrm.common.UserId;
import com.practicalcrm.common.ui.LocalDates;
import com.practicalcrm.common.ui.SectionIntro;
import com.practicalcrm.passkeys.Passkey;
import com.practicalcrm.passkeys.PasskeyCreation;
import com.practicalcrm.passkeys.PasskeyNameRejectedException;
import com.practicalcrm.passkeys.PasskeyNotAddedException;
import com.practicalcrm.passkeys.PasskeyService;
import com.practicalcrm.passkeys.BrowserPasskeySignals;
import com.practicalcrm.reauth.ConfirmItsYou;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.CurrentUser;
import com.practicalcrm.twofactor.TwoFactorService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.spring.annotation.SpringComponent;

/**
 * The profile's "Passkeys" section: the list (name, where it is kept, synced or on one device, added, last used)
 * with Rename and Remove, and Add a passkey (adding and removing after "Confirm it's you"). In a browser without WebAuthn the list stays, and a note replaces the
 * button. After every change the browser's passkey manager is told which passkeys are still accepted and the
 * current name (WebAuthn Signals API, where supported).
 */
@SpringComponent
@Scope("prototype")
public class PasskeysSection extends Section {

    static final String ADD = "Add a passkey";
    static final String NOT_SUPPORTED_NOTE = "This browser cannot create passkeys. Use a current version of Chrome, "
            + "Edge, Firefox or Safari to add one.";
    static final String NONE_YET = "You have no passkeys yet. A passkey lets you sign in with your fingerprint, "
            + "face, PIN or screen lock instead of your password and a code.";
    static final String SECOND_WAY_IN = "Keep a second way in: if you lose the device or password manager that "
            + "holds your passkey, you can still sign in with your password. Turn on 2FA as well, so that your "
            + "password alone is not enough and you get recovery codes.";

    private final PasskeyService passkeys;
    private final TwoFactorService twoFactor;
    private final ClientInfoResolver clients;
    private final ConfirmItsYou confirmItsYou;
    private final UserId user;
    final Div list = new Div();
    final Button add = new Button(ADD);
    final Paragraph note = new Paragraph();
    private ZoneId zone = LocalDates.knownZone();
    /** Whether the list last read held a passkey. */
    private boolean listedAny;
    ConfirmDialog removeDialog;
    PasskeyNameDialog nameDialog;

    PasskeysSection(PasskeyService passkeys, TwoFactorService twoFactor, CurrentUser currentUser,
                    ClientInfoResolver clients, ConfirmItsYou confirmItsYou) {
        this.passkeys = passkeys;
        this.twoFactor = twoFactor;
        this.clients = clients;
        this.confirmItsYou = confirmItsYou;
        this.user = currentUser.require();
        addClassName("profile-section");
        addClassName("passkeys-section");
        list.addClassName("passkey-list");
        note.addClassName("profile-notice");
        note.getElement().setAttribute("role", "status");
        note.setVisible(false);
        add.addClickListener(e -> confirmItsYou.run(this::openAddDialog));
        add(new SectionIntro("Passkeys", "Sign in without a password: your device or password manager keeps "
                + "the passkey and unlocks it with your fingerprint, face, PIN or screen lock. A passkey counts as "
                + "both steps of two-step sign-in."), list, note, add);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        PasskeyScript.supported(ui, supported -> {
            add.setVisible(supported);
            if (!supported) {
                showNote(NOT_SUPPORTED_NOTE);
            } else {
                signalBrowser();
            }
        });
        LocalDates.withBrowserZone(ui, browserZone -> {
            if (!browserZone.equals(zone)) {
                zone = browserZone;
                refresh();
            }
        });
    }

    void refresh() {
        list.removeAll();
        List<Passkey> all = passkeys.list(user);
        listedAny = !all.isEmpty();
        if (all.isEmpty()) {
            list.add(new Paragraph(NONE_YET));
        }
        all.forEach(passkey -> list.add(row(passkey)));
    }

    private Div row(Passkey passkey) {
        Span name = new Span(passkey.name());
        name.addClassName("passkey-name");
        String used = passkey.lastUsedAt() == null ? "Never used"
                : "Last used " + LocalDates.dateTime(passkey.lastUsedAt(), zone, getLocale());
        Span details = new Span(passkey.provider() + " · " + (passkey.synced() ? "Synced" : "On one device only")
                + " · Added " + LocalDates.date(passkey.createdAt(), zone, getLocale()) + " · " + used);
        details.addClassName("passkey-details");
        Button rename = new Button("Rename", e -> openRenameDialog(passkey));
        rename.addThemeVariants(ButtonVariant.TERTIARY);
        rename.getElement().setAttribute("aria-label", "Rename " + passkey.name());
        Button remove = new Button("Remove", e -> openRemoveDialog(passkey));
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        remove.getElement().setAttribute("aria-label", "Remove " + passkey.name());
        Div text = new Div(name, details);
        text.addClassName("passkey-text");
        Div row = new Div(text, new Div(rename, remove));
        row.addClassName("passkey-row");
        return row;
    }

    private void openAddDialog() {
        note.setVisible(false);
        nameDialog = new PasskeyNameDialog("Add a passkey", "Create passkey", defaultName(), this::create);
        nameDialog.open();
    }

    /** @return an error for the name field, or null when the browser prompt has been started */
    private String create(String name) {
        PasskeyCreation creation;
        try {
            creation = passkeys.startCreation(user, name);
        } catch (PasskeyNameRejectedException e) {
            return e.getMessage();
        }
        nameDialog.close();
        boolean first = !passkeys.hasPasskeys(user);
        getUI().ifPresent(ui -> PasskeyScript.create(ui, creation.browserOptions(), result -> {
            if (!result.is("created")) {
                showNote(BrowserAnswers.describe(result));
                return;
            }
            try {
                Passkey added = passkeys.finishCreation(user, creation, result.credential());
                refresh();
                signalBrowser();
                Notification.show("Passkey \u201c" + added.name() + "\u201d added.");
                if (first && !twoFactor.isEnabled(user)) {
                    showNote(SECOND_WAY_IN);
                }
            } catch (PasskeyNotAddedException e) {
                showNote(e.getMessage());
            }
        }));
        return null;
    }

    private void openRenameDialog(Passkey passkey) {
        note.setVisible(false);
        nameDialog = new PasskeyNameDialog("Rename passkey", "Save", passkey.name(), name -> {
            try {
                passkeys.rename(user, passkey.id(), name);
            } catch (PasskeyNameRejectedException e) {
                return e.getMessage();
            }
            nameDialog.close();
            refresh();
            Notification.show("Passkey renamed.");
            return null;
        });
        nameDialog.open();
    }

    private void openRemoveDialog(Passkey passkey) {
        note.setVisible(false);
        removeDialog = new ConfirmDialog("Remove passkey?", "\u201c" + passkey.name() + "\u201d will no longer sign "
                + "you in to PracticalCRM. You can also delete it from " + passkey.provider()
                + " afterwards.", "Remove", e -> confirmItsYou.run(() -> {
            passkeys.remove(user, passkey.id());
            refresh();
            signalBrowser();
            Notification.show("Passkey \u201c" + passkey.name() + "\u201d removed.");
        }));
        removeDialog.setCancelable(true);
        removeDialog.setCancelText("Cancel");
        removeDialog.setConfirmButtonTheme("error primary");
        removeDialog.open();
    }

    private void signalBrowser() {
        // The list was read again after every change that calls this: no need to ask the database once more.
        if (!listedAny && !passkeysWereShown()) {
            return;
        }
        BrowserPasskeySignals signals = passkeys.browserSignals(user);
        getUI().ifPresent(ui -> PasskeyScript.signalCurrent(ui, signals.rpId(), signals.userHandle(),
                signals.name(), signals.displayName(), signals.acceptedCredentialIds()));
    }

    /** After the last passkey is removed the browser must still hear that none is accepted any more. */
    private boolean passkeysWereShown() {
        return removeDialog != null;
    }

    private String defaultName() {
        String browser = BrowserDescription.describe(clients.current().userAgent());
        // "Chrome 156 on Linux" -> "Chrome on Linux": the version changes, the place does not.
        return browser.equals(BrowserDescription.UNKNOWN) ? "My passkey" : browser.replaceAll(" \\d+", "");
    }

    private void showNote(String text) {
        note.setText(text);
        note.setVisible(true);
    }
}
