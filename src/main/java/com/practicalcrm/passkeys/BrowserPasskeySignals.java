package com.practicalcrm.passkeys;

import java.util.List;

/**
 * What the browser's passkey manager may be told about the user's passkeys for this site (WebAuthn Signals API):
 * the passkeys still accepted, and the current name and display name.
 */
public record BrowserPasskeySignals(String rpId, String userHandle, String name, String displayName,
                                    List<String> acceptedCredentialIds) {
}
