package com.practicalcrm.passkeys;

import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.common.UnsafeCharacters;
import com.practicalcrm.common.UserId;
import com.practicalcrm.passkeys.repository.PasskeyCredentialRepository;
import com.practicalcrm.passkeys.repository.PasskeyUserRepository;
import com.practicalcrm.passkeys.repository.StoredPasskey;
import com.practicalcrm.reauth.ReauthenticationService;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.webauthn4j.verifier.exception.VerificationException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The passkeys of a signed-in user: add (the browser creates the key, Spring's relying party checks and stores
 * it), list, rename, remove, and check one for "Confirm it's you". Adding and removing need a recent "Confirm it's
 * you". Every change is recorded as a security event; adding and removing are also mailed.
 */
@Service
public class PasskeyService {

    /** Longest passkey name, in characters (the column's size). */
    public static final int MAX_NAME_LENGTH = 64;

    private static final JsonMapper JSON = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

    private final PasskeyRelyingParty relyingParty;
    private final PasskeyUserRepository users;
    private final PasskeyCredentialRepository credentials;
    private final PasskeyProviders providers;
    private final PasskeySettings settings;
    private final SecurityEventService events;
    private final ClientInfoResolver clients;
    private final ReauthenticationService reauthentication;

    PasskeyService(PasskeyRelyingParty relyingParty, PasskeyUserRepository users,
                   PasskeyCredentialRepository credentials, PasskeyProviders providers, PasskeySettings settings,
                   SecurityEventService events, ClientInfoResolver clients,
                   ReauthenticationService reauthentication) {
        this.relyingParty = relyingParty;
        this.users = users;
        this.credentials = credentials;
        this.providers = providers;
        this.settings = settings;
        this.events = events;
        this.clients = clients;
        this.reauthentication = reauthentication;
    }

    /** One SELECT, so no transaction around it (docs/design-decisions/DD-single-select-reads.md). */
    public List<Passkey> list(UserId user) {
        return credentials.list(user).stream().map(this::toPasskey).toList();
    }

    /** One SELECT, so no transaction around it (docs/design-decisions/DD-single-select-reads.md). */
    public boolean hasPasskeys(UserId user) {
        return credentials.count(user) > 0;
    }

    /**
     * Starts adding a passkey: user verification required, a discoverable ("resident") key preferred, the user's
     * existing passkeys excluded (a second one in the same place would only confuse).
     *
     * @param name what the user called it, checked now so that a bad name fails before the browser prompt
     * @throws com.practicalcrm.reauth.ConfirmationRequiredException unless the user confirmed it's them recently
     */
    @Transactional
    public PasskeyCreation startCreation(UserId user, String name) {
        reauthentication.requireRecentConfirmation(user);
        String checkedName = checkName(name);
        PublicKeyCredentialUserEntity entity = users.findOrCreate(user);
        PublicKeyCredentialCreationOptions options = relyingParty.createPublicKeyCredentialCreationOptions(
                new ImmutablePublicKeyCredentialCreationOptionsRequest(
                        UsernamePasswordAuthenticationToken.authenticated(entity.getName(), null, List.of())));
        return new PasskeyCreation(options, JSON.writeValueAsString(options), checkedName);
    }

    /**
     * Stores the passkey the browser created, once Spring's relying party has checked it against the challenge,
     * the origin, the relying-party id and user verification.
     *
     * @param credentialJson the browser's {@code PublicKeyCredential} as JSON (binary fields Base64url)
     * @throws PasskeyNotAddedException when it does not check out
     */
    @Transactional
    public Passkey finishCreation(UserId user, PasskeyCreation creation, String credentialJson) {
        PublicKeyCredential<AuthenticatorAttestationResponse> credential;
        try {
            credential = JSON.readValue(credentialJson, new TypeReference<>() {
            });
        } catch (JacksonException e) {
            throw new PasskeyNotAddedException("The browser sent a passkey that could not be read. Try again.", e);
        }
        if (!users.findUserId(creation.options().getUser().getId()).map(user::equals).orElse(false)) {
            throw new IllegalStateException("This passkey was started for another account");
        }
        CredentialRecord record;
        try {
            record = relyingParty.registerCredential(new ImmutableRelyingPartyRegistrationRequest(creation.options(),
                    new RelyingPartyPublicKey(credential, creation.name())));
        } catch (VerificationException | IllegalArgumentException e) {
            throw new PasskeyNotAddedException("The new passkey could not be verified, so it was not added. "
                    + "Make sure you unlock it with your fingerprint, face, PIN or screen lock, then try again.", e);
        }
        events.record(user, SecurityEventType.PASSKEY_ADDED, clients.current());
        String id = record.getCredentialId().toBase64UrlString();
        return list(user).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional
    public void rename(UserId user, String passkeyId, String name) {
        if (!credentials.rename(user, passkeyId, checkName(name))) {
            throw new IllegalArgumentException("No such passkey");
        }
        events.record(user, SecurityEventType.PASSKEY_RENAMED, clients.current());
    }

    /**
     * Removes one of the user's passkeys; it no longer signs anyone in.
     *
     * @throws com.practicalcrm.reauth.ConfirmationRequiredException unless the user confirmed it's them recently
     */
    @Transactional
    public void remove(UserId user, String passkeyId) {
        reauthentication.requireRecentConfirmation(user);
        if (!credentials.delete(user, passkeyId)) {
            throw new IllegalArgumentException("No such passkey");
        }
        events.record(user, SecurityEventType.PASSKEY_REMOVED, clients.current());
    }

    /** Starts checking a passkey of the signed-in user (only theirs are offered). */
    @Transactional
    public PasskeyCheck startCheck(UserId user) {
        PublicKeyCredentialUserEntity entity = users.findOrCreate(user);
        PublicKeyCredentialRequestOptions options = relyingParty.createCredentialRequestOptions(
                new ImmutablePublicKeyCredentialRequestOptionsRequest(
                        UsernamePasswordAuthenticationToken.authenticated(entity.getName(), null, List.of())));
        return new PasskeyCheck(options, JSON.writeValueAsString(options));
    }

    /**
     * Checks the passkey the browser used for {@link #startCheck} (as at sign-in: signature, user verification,
     * counter) and that it is one of this user's.
     *
     * @throws PasskeyRefusedException with the reason otherwise ({@code OTHER_ACCOUNT} for another account's)
     */
    @Transactional(noRollbackFor = PasskeyRefusedException.class)
    public void check(UserId user, PasskeyCheck check, String assertionJson) {
        PublicKeyCredential<AuthenticatorAssertionResponse> assertion;
        try {
            assertion = JSON.readValue(assertionJson, new TypeReference<>() {
            });
        } catch (JacksonException e) {
            throw PasskeyRefusedException.of(PasskeyRefusedException.Reason.NOT_VERIFIED);
        }
        String credentialId = assertion.getRawId().toBase64UrlString();
        if (credentials.owner(credentialId).filter(owner -> !owner.equals(user)).isPresent()) {
            throw PasskeyRefusedException.of(PasskeyRefusedException.Reason.OTHER_ACCOUNT);
        }
        try {
            relyingParty.authenticate(new RelyingPartyAuthenticationRequest(check.options(), assertion));
        } catch (UnknownPasskeyException e) {
            throw new PasskeyRefusedException(PasskeyRefusedException.Reason.UNKNOWN, credentialId, null);
        } catch (CounterWentBackwardsException e) {
            events.record(user, SecurityEventType.PASSKEY_COUNTER_WENT_BACKWARDS, clients.current());
            throw PasskeyRefusedException.of(PasskeyRefusedException.Reason.COUNTER_WENT_BACKWARDS);
        } catch (VerificationException | IllegalArgumentException | IllegalStateException e) {
            throw PasskeyRefusedException.of(PasskeyRefusedException.Reason.NOT_VERIFIED);
        }
    }

    /** For the browser's passkey manager: which of the user's passkeys are still accepted, and their names. */
    @Transactional
    public BrowserPasskeySignals browserSignals(UserId user) {
        PublicKeyCredentialUserEntity entity = users.findOrCreate(user);
        return new BrowserPasskeySignals(settings.rpId(), entity.getId().toBase64UrlString(), entity.getName(),
                entity.getDisplayName(), credentials.list(user).stream().map(StoredPasskey::credentialId).toList());
    }

    /** Trimmed; 1 to {@value #MAX_NAME_LENGTH} characters without line breaks or other invisible controls. */
    public static String checkName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new PasskeyNameRejectedException("Give the passkey a name, for example the device it is on.");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME_LENGTH) {
            throw new PasskeyNameRejectedException("The name can be at most " + MAX_NAME_LENGTH + " characters long.");
        }
        if (UnsafeCharacters.containsUnsafe(trimmed)) {
            throw new PasskeyNameRejectedException("The name cannot contain line breaks, tabs or other invisible "
                    + "control characters.");
        }
        return trimmed;
    }

    private Passkey toPasskey(StoredPasskey stored) {
        return new Passkey(stored.credentialId(), stored.label(), providers.nameOf(stored.aaguid()),
                stored.backupState(), stored.createdAt(), stored.lastUsedAt());
    }
}
