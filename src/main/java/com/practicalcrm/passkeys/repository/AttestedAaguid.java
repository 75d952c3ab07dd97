package com.practicalcrm.passkeys.repository;

import java.util.Optional;

import org.springframework.security.web.webauthn.api.Bytes;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;

/** The AAGUID (authenticator model) in a registration's attestation object, as lower-case UUID text. */
final class AttestedAaguid {

    private static final ObjectConverter CONVERTER = new ObjectConverter();

    private AttestedAaguid() {
    }

    static Optional<String> of(Bytes attestationObject) {
        if (attestationObject == null) {
            return Optional.empty();
        }
        AttestationObject parsed = CONVERTER.getCborConverter().readValue(attestationObject.getBytes(),
                AttestationObject.class);
        if (parsed == null) {
            return Optional.empty();
        }
        AttestedCredentialData data = parsed.getAuthenticatorData().getAttestedCredentialData();
        if (data == null || data.getAaguid() == null || data.getAaguid().getValue() == null) {
            return Optional.empty();
        }
        return Optional.of(data.getAaguid().getValue().toString());
    }
}
