package com.practicalcrm.reauth;

/**
 * The one family of "Confirm it's you" refusals: confirmation needed first, a wrong password or code, or too many
 * wrong ones. The message is written for the person and can be shown as it is.
 */
public abstract class ReauthenticationException extends RuntimeException {

    ReauthenticationException(String message) {
        super(message);
    }
}
