package com.practicalcrm.passkeys.repository;

import static com.practicalcrm.jooq.Tables.APP_USER;
import static com.practicalcrm.jooq.Tables.PASSKEY_USER;

import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record3;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Repository;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.UserId;

/**
 * The WebAuthn user entity of an account, behind Spring Security's interface. Only the random user handle is
 * stored; the name (the email address) and the display name (the full name) are read from the account, so they
 * follow an email change without an update here.
 */
@Repository
public class PasskeyUserRepository implements PublicKeyCredentialUserEntityRepository {

    private final DSLContext dsl;

    public PasskeyUserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        return dsl.select(PASSKEY_USER.USER_HANDLE, APP_USER.EMAIL, APP_USER.FULL_NAME)
                .from(PASSKEY_USER).join(APP_USER).on(APP_USER.ID.eq(PASSKEY_USER.USER_ID))
                .where(PASSKEY_USER.USER_HANDLE.eq(id.toBase64UrlString()))
                .fetchOptional(PasskeyUserRepository::toEntity)
                .orElse(null);
    }

    /** By email address (the WebAuthn user name), as Spring looks users up. */
    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        if (!EmailAddress.isValidInput(username)) {
            return null;
        }
        return dsl.select(PASSKEY_USER.USER_HANDLE, APP_USER.EMAIL, APP_USER.FULL_NAME)
                .from(PASSKEY_USER).join(APP_USER).on(APP_USER.ID.eq(PASSKEY_USER.USER_ID))
                .where(APP_USER.EMAIL.eq(EmailAddress.of(username).value()))
                .fetchOptional(PasskeyUserRepository::toEntity)
                .orElse(null);
    }

    /** Stores the handle Spring created for the account named by the entity's email address. */
    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
        Long userId = dsl.select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.EMAIL.eq(EmailAddress.of(userEntity.getName()).value()))
                .fetchOptional(APP_USER.ID)
                .orElseThrow(() -> new IllegalArgumentException("No account for this passkey user"));
        dsl.insertInto(PASSKEY_USER, PASSKEY_USER.USER_ID, PASSKEY_USER.USER_HANDLE)
                .values(userId, userEntity.getId().toBase64UrlString())
                .onDuplicateKeyIgnore()
                .execute();
    }

    @Override
    public void delete(Bytes id) {
        dsl.deleteFrom(PASSKEY_USER).where(PASSKEY_USER.USER_HANDLE.eq(id.toBase64UrlString())).execute();
    }

    /** The account a user handle belongs to. */
    public Optional<UserId> findUserId(Bytes userHandle) {
        return dsl.select(PASSKEY_USER.USER_ID).from(PASSKEY_USER)
                .where(PASSKEY_USER.USER_HANDLE.eq(userHandle.toBase64UrlString()))
                .fetchOptional(r -> new UserId(r.value1()));
    }

    /** The user entity of an account, creating its random handle on first use. */
    public PublicKeyCredentialUserEntity findOrCreate(UserId userId) {
        dsl.insertInto(PASSKEY_USER, PASSKEY_USER.USER_ID, PASSKEY_USER.USER_HANDLE)
                .values(userId.value(), Bytes.random().toBase64UrlString())
                .onDuplicateKeyIgnore()
                .execute();
        return dsl.select(PASSKEY_USER.USER_HANDLE, APP_USER.EMAIL, APP_USER.FULL_NAME)
                .from(PASSKEY_USER).join(APP_USER).on(APP_USER.ID.eq(PASSKEY_USER.USER_ID))
                .where(PASSKEY_USER.USER_ID.eq(userId.value()))
                .fetchSingle(PasskeyUserRepository::toEntity);
    }

    private static PublicKeyCredentialUserEntity toEntity(Record3<String, String, String> row) {
        return ImmutablePublicKeyCredentialUserEntity.builder()
                .id(Bytes.fromBase64(row.value1()))
                .name(row.value2())
                .displayName(row.value3())
                .build();
    }
}
