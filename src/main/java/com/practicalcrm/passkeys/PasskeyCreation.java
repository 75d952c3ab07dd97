package com.practicalcrm.passkeys;

import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;

/**
 * A passkey being added: the options (with their challenge) stay on the server, in the view that asked; the
 * browser gets {@link #browserOptions()}.
 */
public final class PasskeyCreation {

    private final PublicKeyCredentialCreationOptions options;
    private final String browserOptions;
    private final String name;

    PasskeyCreation(PublicKeyCredentialCreationOptions options, String browserOptions, String name) {
        this.options = options;
        this.browserOptions = browserOptions;
        this.name = name;
    }

    PublicKeyCredentialCreationOptions options() {
        return options;
    }

    /** JSON for {@code navigator.credentials.create}, binary fields as Base64url. */
    public String browserOptions() {
        return browserOptions;
    }

    String name() {
        return name;
    }
}
