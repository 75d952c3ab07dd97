package com.practicalcrm.reauth;

/**
 * A further way to confirm it's you, offered as a button in the "Confirm it's you" dialog next to the password or
 * code field (e.g. "Use a passkey"). A Spring bean of this type is picked up by {@link ConfirmItsYou}. When the
 * user succeeds, the option records it ({@link ReauthenticationService#recordConfirmation}) and calls
 * {@link Callback#confirmed()}; the dialog then closes and runs the waiting action.
 */
public interface ConfirmationOption {

    /** The button text, e.g. "Use a passkey". */
    String buttonText();

    /** Whether the signed-in user can use it (e.g. has a passkey). */
    boolean isAvailable();

    /** Starts it, in the UI thread of the dialog's request. */
    void start(Callback callback);

    /** How an option reports back to the dialog. */
    interface Callback {
        void confirmed();

        /** Shows the message under the dialog's field. */
        void failed(String message);
    }
}
