package com.practicalcrm.reauth;

/**
 * A sensitive action was asked for without a confirmation within the window: nothing was changed. Views avoid it
 * by running the action through {@link ConfirmItsYou}; the service throws it anyway, so no view can skip the step.
 */
public final class ConfirmationRequiredException extends ReauthenticationException {

    static final String MESSAGE = "Confirm it's you first: this change needs your password or code again.";

    ConfirmationRequiredException() {
        super(MESSAGE);
    }
}
