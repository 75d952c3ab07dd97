package com.practicalcrm.passkeys;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;

import com.practicalcrm.passkeys.repository.PasskeyCredentialRepository;
import com.practicalcrm.passkeys.repository.PasskeyUserRepository;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;

/**
 * Spring Security's WebAuthn relying party with our rules: user verification required (a passkey alone is then two
 * factors), resident keys preferred, relying party and origins from {@link PasskeySettings}.
 * <p>
 * Creating options and registering are Spring's. Verifying a sign-in is done here, because Spring's version checks
 * the signature counter against the one stored at registration, not the last one seen, and takes the time from
 * the system clock: here the counter is the stored one (a passkey whose counter goes backwards is refused with
 * {@link CounterWentBackwardsException}) and "last used" comes from the injected clock.
 */
@Component
class PasskeyRelyingParty implements WebAuthnRelyingPartyOperations {

    private final Webauthn4JRelyingPartyOperations spring;
    private final PasskeyCredentialRepository credentials;
    private final PasskeyUserRepository users;
    private final PasskeySettings settings;
    private final Clock clock;
    private final ObjectConverter converter = new ObjectConverter();
    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();

    PasskeyRelyingParty(PasskeyUserRepository users, PasskeyCredentialRepository credentials,
                        PasskeySettings settings, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.settings = settings;
        this.clock = clock;
        this.spring = new Webauthn4JRelyingPartyOperations(users, credentials,
                PublicKeyCredentialRpEntity.builder().id(settings.rpId()).name(PasskeySettings.RP_NAME).build(),
                settings.allowedOrigins());
        spring.setCustomizeCreationOptions(options -> options.authenticatorSelection(
                AuthenticatorSelectionCriteria.builder()
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .residentKey(ResidentKeyRequirement.PREFERRED)
                        .build()));
        spring.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
    }

    @Override
    public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
            PublicKeyCredentialCreationOptionsRequest request) {
        return spring.createPublicKeyCredentialCreationOptions(request);
    }

    @Override
    public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
        return spring.registerCredential(request);
    }

    /**
     * Without a signed-in user: no credential list, so the browser offers every passkey it has for this site.
     * With one: only that user's passkeys.
     */
    @Override
    public PublicKeyCredentialRequestOptions createCredentialRequestOptions(PublicKeyCredentialRequestOptionsRequest request) {
        return spring.createCredentialRequestOptions(request);
    }

    /**
     * Verifies an assertion against the stored passkey and records its use.
     *
     * @throws UnknownPasskeyException when the passkey is not (or no longer) registered
     * @throws CounterWentBackwardsException when the signature counter is not above the stored one
     * @throws com.webauthn4j.verifier.exception.VerificationException for any other refusal (signature, origin,
     *                                                                 challenge, user verification)
     */
    @Override
    public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
        Bytes credentialId = request.getPublicKey().getRawId();
        CredentialRecord stored = credentials.findByCredentialId(credentialId);
        if (stored == null) {
            throw new UnknownPasskeyException(credentialId);
        }
        PublicKeyCredentialRequestOptions options = request.getRequestOptions();
        AuthenticatorAssertionResponse assertion = request.getPublicKey().getResponse();
        AttestationObject attestation = converter.getCborConverter()
                .readValue(Objects.requireNonNull(stored.getAttestationObject()).getBytes(), AttestationObject.class);
        CredentialRecordImpl record = new CredentialRecordImpl(attestation.getAttestationStatement(),
                stored.isUvInitialized(), stored.isBackupEligible(), stored.isBackupState(), stored.getSignatureCount(),
                attestation.getAuthenticatorData().getAttestedCredentialData(), null, null, null,
                transports(stored.getTransports()));
        ServerProperty server = new ServerProperty(
                settings.allowedOrigins().stream().map(Origin::new).collect(Collectors.toSet()),
                Objects.requireNonNull(options.getRpId()), new DefaultChallenge(options.getChallenge().getBytes()));
        List<byte[]> allowed = options.getAllowCredentials().stream().map(PublicKeyCredentialDescriptor::getId)
                .filter(Objects::nonNull).map(Bytes::getBytes).toList();
        AuthenticationData verified;
        try {
            verified = webAuthn.verify(new com.webauthn4j.data.AuthenticationRequest(credentialId.getBytes(),
                            assertion.getAuthenticatorData().getBytes(), assertion.getClientDataJSON().getBytes(),
                            assertion.getSignature().getBytes()),
                    new AuthenticationParameters(server, record, allowed.isEmpty() ? null : allowed,
                            UserVerificationRequirement.REQUIRED.equals(options.getUserVerification())));
        } catch (MaliciousCounterValueException e) {
            throw new CounterWentBackwardsException(owner(stored), credentialId);
        }
        var authenticatorData = Objects.requireNonNull(verified.getAuthenticatorData());
        if (!credentials.recordUse(credentialId.toBase64UrlString(), stored.getSignatureCount(),
                authenticatorData.getSignCount(), authenticatorData.isFlagBS(), clock.instant())) {
            // Another sign-in with the same passkey got in first with this counter value.
            throw new CounterWentBackwardsException(owner(stored), credentialId);
        }
        PublicKeyCredentialUserEntity user = users.findById(stored.getUserEntityUserId());
        if (user == null) {
            throw new UnknownPasskeyException(credentialId);
        }
        return user;
    }

    private com.practicalcrm.common.UserId owner(CredentialRecord stored) {
        return users.findUserId(stored.getUserEntityUserId()).orElse(null);
    }

    private static Set<com.webauthn4j.data.AuthenticatorTransport> transports(Set<AuthenticatorTransport> transports) {
        return transports.stream().map(t -> com.webauthn4j.data.AuthenticatorTransport.create(t.getValue()))
                .collect(Collectors.toSet());
    }
}
