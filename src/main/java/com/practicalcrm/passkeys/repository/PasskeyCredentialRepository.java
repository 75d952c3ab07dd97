package com.practicalcrm.passkeys.repository;

import static com.practicalcrm.jooq.Tables.PASSKEY_CREDENTIAL;
import static com.practicalcrm.jooq.Tables.PASSKEY_USER;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;

import com.practicalcrm.common.DbTimestamps;
import com.practicalcrm.common.UserId;

/**
 * Passkeys (credential records) behind Spring Security's interface, plus what the profile's list needs. Credential
 * ids are stored as Base64url text. A new record gets its creation time from the injected clock and its AAGUID
 * from the attestation object.
 */
@Repository
public class PasskeyCredentialRepository implements UserCredentialRepository {

    private final DSLContext dsl;
    private final Clock clock;

    public PasskeyCredentialRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public void delete(Bytes credentialId) {
        dsl.deleteFrom(PASSKEY_CREDENTIAL).where(PASSKEY_CREDENTIAL.CREDENTIAL_ID.eq(credentialId.toBase64UrlString()))
                .execute();
    }

    /**
     * Inserts a newly registered passkey. Spring's registration is the only caller; a sign-in updates its record
     * through {@link #recordUse}, which checks the counter in the same statement.
     */
    @Override
    public void save(CredentialRecord record) {
        Long userId = dsl.select(PASSKEY_USER.USER_ID).from(PASSKEY_USER)
                .where(PASSKEY_USER.USER_HANDLE.eq(record.getUserEntityUserId().toBase64UrlString()))
                .fetchOptional(PASSKEY_USER.USER_ID)
                .orElseThrow(() -> new IllegalArgumentException("No account for this passkey"));
        dsl.insertInto(PASSKEY_CREDENTIAL)
                .set(PASSKEY_CREDENTIAL.CREDENTIAL_ID, record.getCredentialId().toBase64UrlString())
                .set(PASSKEY_CREDENTIAL.USER_ID, userId)
                .set(PASSKEY_CREDENTIAL.CREDENTIAL_TYPE, record.getCredentialType() == null
                        ? PublicKeyCredentialType.PUBLIC_KEY.getValue() : record.getCredentialType().getValue())
                .set(PASSKEY_CREDENTIAL.PUBLIC_KEY, record.getPublicKey().getBytes())
                .set(PASSKEY_CREDENTIAL.SIGNATURE_COUNT, record.getSignatureCount())
                .set(PASSKEY_CREDENTIAL.UV_INITIALIZED, record.isUvInitialized())
                .set(PASSKEY_CREDENTIAL.BACKUP_ELIGIBLE, record.isBackupEligible())
                .set(PASSKEY_CREDENTIAL.BACKUP_STATE, record.isBackupState())
                .set(PASSKEY_CREDENTIAL.TRANSPORTS, record.getTransports().stream()
                        .map(AuthenticatorTransport::getValue).sorted().collect(Collectors.joining(",")))
                .set(PASSKEY_CREDENTIAL.AAGUID, AttestedAaguid.of(record.getAttestationObject()).orElse(null))
                .set(PASSKEY_CREDENTIAL.LABEL, record.getLabel())
                .set(PASSKEY_CREDENTIAL.ATTESTATION_OBJECT, bytes(record.getAttestationObject()))
                .set(PASSKEY_CREDENTIAL.ATTESTATION_CLIENT_DATA_JSON, bytes(record.getAttestationClientDataJSON()))
                .set(PASSKEY_CREDENTIAL.CREATED_AT, DbTimestamps.toDb(clock.instant()))
                .execute();
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return dsl.select(PASSKEY_CREDENTIAL.fields()).select(PASSKEY_USER.USER_HANDLE)
                .from(PASSKEY_CREDENTIAL).join(PASSKEY_USER).on(PASSKEY_USER.USER_ID.eq(PASSKEY_CREDENTIAL.USER_ID))
                .where(PASSKEY_CREDENTIAL.CREDENTIAL_ID.eq(credentialId.toBase64UrlString()))
                .fetchOptional(PasskeyCredentialRepository::toRecord)
                .orElse(null);
    }

    /** By the user handle, as Spring asks (to exclude known passkeys when adding one). */
    @Override
    public List<CredentialRecord> findByUserId(Bytes userHandle) {
        return dsl.select(PASSKEY_CREDENTIAL.fields()).select(PASSKEY_USER.USER_HANDLE)
                .from(PASSKEY_CREDENTIAL).join(PASSKEY_USER).on(PASSKEY_USER.USER_ID.eq(PASSKEY_CREDENTIAL.USER_ID))
                .where(PASSKEY_USER.USER_HANDLE.eq(userHandle.toBase64UrlString()))
                .orderBy(PASSKEY_CREDENTIAL.CREATED_AT)
                .fetch(PasskeyCredentialRepository::toRecord);
    }

    /** The passkeys of an account, oldest first. */
    public List<StoredPasskey> list(UserId userId) {
        return dsl.select(PASSKEY_CREDENTIAL.CREDENTIAL_ID, PASSKEY_CREDENTIAL.LABEL, PASSKEY_CREDENTIAL.AAGUID,
                        PASSKEY_CREDENTIAL.BACKUP_ELIGIBLE, PASSKEY_CREDENTIAL.BACKUP_STATE,
                        PASSKEY_CREDENTIAL.CREATED_AT, PASSKEY_CREDENTIAL.LAST_USED_AT)
                .from(PASSKEY_CREDENTIAL)
                .where(PASSKEY_CREDENTIAL.USER_ID.eq(userId.value()))
                .orderBy(PASSKEY_CREDENTIAL.CREATED_AT, PASSKEY_CREDENTIAL.CREDENTIAL_ID)
                .fetch(r -> new StoredPasskey(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        DbTimestamps.fromDb(r.value6()), DbTimestamps.fromDb(r.value7())));
    }

    public int count(UserId userId) {
        return dsl.fetchCount(PASSKEY_CREDENTIAL, PASSKEY_CREDENTIAL.USER_ID.eq(userId.value()));
    }

    /** The owner of a passkey, if it is still registered. */
    public Optional<UserId> owner(String credentialId) {
        return dsl.select(PASSKEY_CREDENTIAL.USER_ID).from(PASSKEY_CREDENTIAL)
                .where(PASSKEY_CREDENTIAL.CREDENTIAL_ID.eq(credentialId))
                .fetchOptional(r -> new UserId(r.value1()));
    }

    /** @return false when the account has no such passkey */
    public boolean rename(UserId userId, String credentialId, String label) {
        return dsl.update(PASSKEY_CREDENTIAL).set(PASSKEY_CREDENTIAL.LABEL, label)
                .where(PASSKEY_CREDENTIAL.CREDENTIAL_ID.eq(credentialId))
                .and(PASSKEY_CREDENTIAL.USER_ID.eq(userId.value()))
                .execute() == 1;
    }

    /** @return false when the account has no such passkey (another account's is never touched) */
    public boolean delete(UserId userId, String credentialId) {
        return dsl.deleteFrom(PASSKEY_CREDENTIAL)
                .where(PASSKEY_CREDENTIAL.CREDENTIAL_ID.eq(credentialId))
                .and(PASSKEY_CREDENTIAL.USER_ID.eq(userId.value()))
                .execute() == 1;
    }

    /**
     * Records a verified sign-in: the new counter, the backup state and the time. One conditional statement, so
     * two sign-ins with the same counter (a copied passkey, or a replay racing the original) cannot both pass.
     *
     * @param expectedCount the counter read before the assertion was verified
     * @return false when the counter changed meanwhile
     */
    public boolean recordUse(String credentialId, long expectedCount, long newCount, boolean backupState,
                             Instant usedAt) {
        return dsl.update(PASSKEY_CREDENTIAL)
                .set(PASSKEY_CREDENTIAL.SIGNATURE_COUNT, newCount)
                .set(PASSKEY_CREDENTIAL.BACKUP_STATE, backupState)
                .set(PASSKEY_CREDENTIAL.LAST_USED_AT, DbTimestamps.toDb(usedAt))
                .where(PASSKEY_CREDENTIAL.CREDENTIAL_ID.eq(credentialId))
                .and(PASSKEY_CREDENTIAL.SIGNATURE_COUNT.eq(expectedCount))
                .execute() == 1;
    }

    private static CredentialRecord toRecord(Record r) {
        String transports = r.get(PASSKEY_CREDENTIAL.TRANSPORTS);
        Set<AuthenticatorTransport> parsed = transports.isEmpty() ? Set.of()
                : Arrays.stream(transports.split(",")).map(AuthenticatorTransport::valueOf)
                        .collect(Collectors.toUnmodifiableSet());
        ImmutableCredentialRecord.ImmutableCredentialRecordBuilder builder = ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.valueOf(r.get(PASSKEY_CREDENTIAL.CREDENTIAL_TYPE)))
                .credentialId(Bytes.fromBase64(r.get(PASSKEY_CREDENTIAL.CREDENTIAL_ID)))
                .userEntityUserId(Bytes.fromBase64(r.get(PASSKEY_USER.USER_HANDLE)))
                .publicKey(new ImmutablePublicKeyCose(r.get(PASSKEY_CREDENTIAL.PUBLIC_KEY)))
                .signatureCount(r.get(PASSKEY_CREDENTIAL.SIGNATURE_COUNT))
                .uvInitialized(r.get(PASSKEY_CREDENTIAL.UV_INITIALIZED))
                .transports(parsed)
                .backupEligible(r.get(PASSKEY_CREDENTIAL.BACKUP_ELIGIBLE))
                .backupState(r.get(PASSKEY_CREDENTIAL.BACKUP_STATE))
                .attestationObject(toBytes(r.get(PASSKEY_CREDENTIAL.ATTESTATION_OBJECT)))
                .attestationClientDataJSON(toBytes(r.get(PASSKEY_CREDENTIAL.ATTESTATION_CLIENT_DATA_JSON)))
                .created(DbTimestamps.fromDb(r.get(PASSKEY_CREDENTIAL.CREATED_AT)))
                .label(r.get(PASSKEY_CREDENTIAL.LABEL));
        Instant lastUsed = DbTimestamps.fromDb(r.get(PASSKEY_CREDENTIAL.LAST_USED_AT));
        if (lastUsed != null) {
            builder.lastUsed(lastUsed);
        }
        return builder.build();
    }

    private static byte[] bytes(Bytes value) {
        return value == null ? null : value.getBytes();
    }

    private static Bytes toBytes(byte[] value) {
        return value == null ? null : new Bytes(value);
    }
}
