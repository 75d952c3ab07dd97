package com.practicalcrm.emailchange.repository;

import static com.practicalcrm.common.DbTimestamps.fromDb;
import static com.practicalcrm.common.DbTimestamps.toDb;
import static com.practicalcrm.jooq.Tables.APP_USER;
import static com.practicalcrm.jooq.Tables.EMAIL_CHANGE;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.UserId;

@Repository
public class EmailChangeRepository {

    /**
     * A stored request, found by its token.
     *
     * @param credentialsChanged whether the account's credential version changed since the request (a password
     *                           reset, for instance): the link no longer works then
     */
    public record StoredEmailChange(UserId userId, EmailAddress newEmail, Instant expiresAt, Instant usedAt,
                                    boolean credentialsChanged) {
    }

    private final DSLContext dsl;

    public EmailChangeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Stores the request, replacing any older one of the user: the newest request wins, older links stop working.
     * The account's current credential version is stored with it (read in the same statement).
     */
    public void replace(UserId userId, EmailAddress newEmail, byte[] tokenHash, Instant requestedAt,
                        Instant expiresAt) {
        Field<Integer> currentVersion = DSL.field(DSL.select(APP_USER.CREDENTIAL_VERSION).from(APP_USER)
                .where(APP_USER.ID.eq(userId.value())));
        dsl.insertInto(EMAIL_CHANGE)
                .set(EMAIL_CHANGE.USER_ID, userId.value())
                .set(EMAIL_CHANGE.NEW_EMAIL, newEmail.value())
                .set(EMAIL_CHANGE.TOKEN_HASH, tokenHash)
                .set(EMAIL_CHANGE.REQUESTED_AT, toDb(requestedAt))
                .set(EMAIL_CHANGE.EXPIRES_AT, toDb(expiresAt))
                .setNull(EMAIL_CHANGE.USED_AT)
                .set(EMAIL_CHANGE.CREDENTIAL_VERSION, currentVersion)
                .onDuplicateKeyUpdate()
                .set(EMAIL_CHANGE.NEW_EMAIL, newEmail.value())
                .set(EMAIL_CHANGE.TOKEN_HASH, tokenHash)
                .set(EMAIL_CHANGE.REQUESTED_AT, toDb(requestedAt))
                .set(EMAIL_CHANGE.EXPIRES_AT, toDb(expiresAt))
                .setNull(EMAIL_CHANGE.USED_AT)
                .set(EMAIL_CHANGE.CREDENTIAL_VERSION, currentVersion)
                .execute();
    }

    /** Locks the row, so that two clicks on the same link cannot both change the address. */
    public Optional<StoredEmailChange> findByTokenForUpdate(byte[] tokenHash) {
        return dsl.select(EMAIL_CHANGE.USER_ID, EMAIL_CHANGE.NEW_EMAIL, EMAIL_CHANGE.EXPIRES_AT, EMAIL_CHANGE.USED_AT,
                        EMAIL_CHANGE.CREDENTIAL_VERSION, APP_USER.CREDENTIAL_VERSION)
                .from(EMAIL_CHANGE)
                .join(APP_USER).on(APP_USER.ID.eq(EMAIL_CHANGE.USER_ID))
                .where(EMAIL_CHANGE.TOKEN_HASH.eq(tokenHash))
                .forUpdate()
                .fetchOptional(r -> new StoredEmailChange(new UserId(r.value1()), new EmailAddress(r.value2()),
                        fromDb(r.value3()), fromDb(r.value4()), !r.value5().equals(r.value6())));
    }

    /** The user's request that is neither used nor expired, nor closed by a change of the credential version. */
    public Optional<StoredEmailChange> findOpen(UserId userId, Instant now) {
        return dsl.select(EMAIL_CHANGE.USER_ID, EMAIL_CHANGE.NEW_EMAIL, EMAIL_CHANGE.EXPIRES_AT)
                .from(EMAIL_CHANGE)
                .join(APP_USER).on(APP_USER.ID.eq(EMAIL_CHANGE.USER_ID))
                .where(EMAIL_CHANGE.USER_ID.eq(userId.value())
                        .and(EMAIL_CHANGE.USED_AT.isNull())
                        .and(EMAIL_CHANGE.EXPIRES_AT.gt(toDb(now)))
                        .and(EMAIL_CHANGE.CREDENTIAL_VERSION.eq(APP_USER.CREDENTIAL_VERSION)))
                .fetchOptional(r -> new StoredEmailChange(new UserId(r.value1()), new EmailAddress(r.value2()),
                        fromDb(r.value3()), null, false));
    }

    /** @return false if the request was used meanwhile (single use, even under concurrent clicks) */
    public boolean markUsed(UserId userId, Instant now) {
        return dsl.update(EMAIL_CHANGE)
                .set(EMAIL_CHANGE.USED_AT, toDb(now))
                .where(EMAIL_CHANGE.USER_ID.eq(userId.value()).and(EMAIL_CHANGE.USED_AT.isNull()))
                .execute() == 1;
    }

    /** @return whether an unused request was deleted */
    public boolean deleteOpen(UserId userId) {
        return dsl.deleteFrom(EMAIL_CHANGE)
                .where(EMAIL_CHANGE.USER_ID.eq(userId.value()).and(EMAIL_CHANGE.USED_AT.isNull()))
                .execute() > 0;
    }
}
