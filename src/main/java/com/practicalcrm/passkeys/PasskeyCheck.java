package com.practicalcrm.passkeys;

import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;

/** A passkey being asked for by a signed-in user ("Confirm it's you"); the challenge stays on the server. */
public final class PasskeyCheck {

    private final PublicKeyCredentialRequestOptions options;
    private final String browserOptions;

    PasskeyCheck(PublicKeyCredentialRequestOptions options, String browserOptions) {
        this.options = options;
        this.browserOptions = browserOptions;
    }

    PublicKeyCredentialRequestOptions options() {
        return options;
    }

    /** JSON for {@code navigator.credentials.get}, binary fields as Base64url. */
    public String browserOptions() {
        return browserOptions;
    }
}
