package com.practicalcrm.twofactor;

/** 2FA was switched on meanwhile, e.g. from another browser tab; this setup was not stored. */
public class TwoFactorAlreadyEnabledException extends RuntimeException {

    public TwoFactorAlreadyEnabledException() {
        super("Two-factor authentication is already on for your account. Reload the page to see its settings.");
    }
}
