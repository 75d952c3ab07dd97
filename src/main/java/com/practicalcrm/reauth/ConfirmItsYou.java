package com.practicalcrm.reauth;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;

/**
 * The "Confirm it's you" step for views: {@link #run} runs a sensitive action at once when the user confirmed
 * within the window, and otherwise first opens the dialog (password, or authenticator code with "Use a recovery
 * code" when 2FA is on, plus any {@link ConfirmationOption} such as a passkey) and runs the action after success.
 * The services behind those actions check the confirmation again ({@link ReauthenticationService
 * #requireRecentConfirmation()}), so skipping this changes nothing.
 */
@Component
public class ConfirmItsYou {

    private final ReauthenticationService reauthentication;
    private final ObjectProvider<ConfirmationOption> options;

    public ConfirmItsYou(ReauthenticationService reauthentication, ObjectProvider<ConfirmationOption> options) {
        this.reauthentication = reauthentication;
        this.options = options;
    }

    /**
     * Runs {@code sensitiveAction} now or after the user confirms; cancelling the dialog runs nothing. Call it from
     * the UI thread (a click listener).
     */
    public void run(Runnable sensitiveAction) {
        if (reauthentication.isRecentlyConfirmed()) {
            try {
                sensitiveAction.run();
                return;
            } catch (ConfirmationRequiredException windowEndedMeanwhile) {
                // The service refused before changing anything: ask, then run it.
            }
        }
        List<ConfirmationOption> available = options.orderedStream().filter(ConfirmationOption::isAvailable).toList();
        ConfirmItsYouDialog dialog = new ConfirmItsYouDialog(reauthentication, available, sensitiveAction);
        // Attached at once (not when the response is written), and gone when closed.
        UI.getCurrent().add(dialog);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                dialog.removeFromParent();
            }
        });
        dialog.open();
    }
}
