package com.practicalcrm.reauth;

/** The password or code given to confirm it's you is wrong or malformed; the message says which, for the field. */
public final class ReauthenticationRejectedException extends ReauthenticationException {

    ReauthenticationRejectedException(String message) {
        super(message);
    }
}
