package com.practicalcrm.user.repository;

import static com.practicalcrm.common.DbTimestamps.fromDb;
import static com.practicalcrm.common.DbTimestamps.toDb;
import static com.practicalcrm.jooq.Tables.EMAIL_CHANGE;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.UserId;

@Repository
public class EmailChangeRepository {

    /** A stored request, found by its token. */
    public record StoredEmailChange(UserId userId, EmailAddress newEmail, Instant expiresAt, Instant usedAt) {
    }

    private final DSLContext dsl;

    public EmailChangeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores the request, replacing any older one of the user: the newest request wins, older links stop working. */
    public void replace(UserId userId, EmailAddress newEmail, byte[] tokenHash, Instant requestedAt,
                        Instant expiresAt) {
        dsl.insertInto(EMAIL_CHANGE)
                .set(EMAIL_CHANGE.USER_ID, userId.value())
                .set(EMAIL_CHANGE.NEW_EMAIL, newEmail.value())
                .set(EMAIL_CHANGE.TOKEN_HASH, tokenHash)
                .set(EMAIL_CHANGE.REQUESTED_AT, toDb(requestedAt))
                .set(EMAIL_CHANGE.EXPIRES_AT, toDb(expiresAt))
                .setNull(EMAIL_CHANGE.USED_AT)
                .onDuplicateKeyUpdate()
                .set(EMAIL_CHANGE.NEW_EMAIL, newEmail.value())
                .set(EMAIL_CHANGE.TOKEN_HASH, tokenHash)
                .set(EMAIL_CHANGE.REQUESTED_AT, toDb(requestedAt))
                .set(EMAIL_CHANGE.EXPIRES_AT, toDb(expiresAt))
                .setNull(EMAIL_CHANGE.USED_AT)
                .execute();
    }

    /** Locks the row, so that two clicks on the same link cannot both change the address. */
    public Optional<StoredEmailChange> findByTokenForUpdate(byte[] tokenHash) {
        return dsl.selectFrom(EMAIL_CHANGE)
                .where(EMAIL_CHANGE.TOKEN_HASH.eq(tokenHash))
                .forUpdate()
                .fetchOptional(r -> new StoredEmailChange(new UserId(r.getUserId()),
                        new EmailAddress(r.getNewEmail()), fromDb(r.getExpiresAt()), fromDb(r.getUsedAt())));
    }

    /** The user's request that is neither used nor expired. */
    public Optional<StoredEmailChange> findOpen(UserId userId, Instant now) {
        return dsl.selectFrom(EMAIL_CHANGE)
                .where(EMAIL_CHANGE.USER_ID.eq(userId.value())
                        .and(EMAIL_CHANGE.USED_AT.isNull())
                        .and(EMAIL_CHANGE.EXPIRES_AT.gt(toDb(now))))
                .fetchOptional(r -> new StoredEmailChange(new UserId(r.getUserId()),
                        new EmailAddress(r.getNewEmail()), fromDb(r.getExpiresAt()), null));
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
