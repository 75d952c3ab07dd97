package com.practicalcrm.passkeys.ui;

import org.springframework.stereotype.Component;

import com.practicalcrm.common.UserId;
import com.practicalcrm.passkeys.PasskeyCheck;
import com.practicalcrm.passkeys.PasskeyMessages;
import com.practicalcrm.passkeys.PasskeyRefusedException;
import com.practicalcrm.passkeys.PasskeyService;
import com.practicalcrm.reauth.ConfirmationFactor;
import com.practicalcrm.reauth.ConfirmationOption;
import com.practicalcrm.reauth.ReauthenticationService;
import com.practicalcrm.security.CurrentUser;
import com.vaadin.flow.component.UI;

/**
 * "Use a passkey" in the "Confirm it's you" dialog: the browser offers only the signed-in user's passkeys, and the
 * server checks that the one used is theirs (another account's is refused with a message) before it records the
 * confirmation.
 */
@Component
class PasskeyConfirmationOption implements ConfirmationOption {

    static final String USE_A_PASSKEY = "Use a passkey";

    private final PasskeyService passkeys;
    private final PasskeyMessages messages;
    private final ReauthenticationService reauthentication;
    private final CurrentUser currentUser;

    PasskeyConfirmationOption(PasskeyService passkeys, PasskeyMessages messages,
                              ReauthenticationService reauthentication, CurrentUser currentUser) {
        this.passkeys = passkeys;
        this.messages = messages;
        this.reauthentication = reauthentication;
        this.currentUser = currentUser;
    }

    @Override
    public String buttonText() {
        return USE_A_PASSKEY;
    }

    @Override
    public boolean isAvailable() {
        return currentUser.id().map(passkeys::hasPasskeys).orElse(false);
    }

    @Override
    public void start(Callback callback) {
        UserId user = currentUser.require();
        PasskeyCheck check = passkeys.startCheck(user);
        UI ui = UI.getCurrent();
        PasskeyScript.get(ui, check.browserOptions(), result -> {
            if (!result.is("used")) {
                callback.failed(BrowserAnswers.describe(result));
                return;
            }
            try {
                passkeys.check(user, check, result.assertion());
            } catch (PasskeyRefusedException e) {
                callback.failed(messages.signInRefused(e));
                return;
            }
            reauthentication.recordConfirmation(ConfirmationFactor.PASSKEY);
            callback.confirmed();
        });
    }
}
