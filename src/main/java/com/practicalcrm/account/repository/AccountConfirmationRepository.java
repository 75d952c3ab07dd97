package com.practicalcrm.account.repository;

import static com.practicalcrm.common.DbTimestamps.fromDb;
import static com.practicalcrm.common.DbTimestamps.toDb;
import static com.practicalcrm.jooq.Tables.ACCOUNT_CONFIRMATION;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.practicalcrm.common.UserId;

/** The confirmation link of each new account: one row per account, only the token's SHA-256 stored. */
@Repository
public class AccountConfirmationRepository {

    /** A stored link, found by its token. */
    public record StoredConfirmation(UserId userId, Instant expiresAt, Instant usedAt) {
    }

    private final DSLContext dsl;

    public AccountConfirmationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores the account's newest link, replacing (and so invalidating) an older one in the same statement. */
    public void replace(UserId userId, byte[] tokenHash, Instant createdAt, Instant expiresAt) {
        dsl.insertInto(ACCOUNT_CONFIRMATION)
                .set(ACCOUNT_CONFIRMATION.USER_ID, userId.value())
                .set(ACCOUNT_CONFIRMATION.TOKEN_HASH, tokenHash)
                .set(ACCOUNT_CONFIRMATION.CREATED_AT, toDb(createdAt))
                .set(ACCOUNT_CONFIRMATION.EXPIRES_AT, toDb(expiresAt))
                .setNull(ACCOUNT_CONFIRMATION.USED_AT)
                .onDuplicateKeyUpdate()
                .set(ACCOUNT_CONFIRMATION.TOKEN_HASH, tokenHash)
                .set(ACCOUNT_CONFIRMATION.CREATED_AT, toDb(createdAt))
                .set(ACCOUNT_CONFIRMATION.EXPIRES_AT, toDb(expiresAt))
                .setNull(ACCOUNT_CONFIRMATION.USED_AT)
                .execute();
    }

    /** Locks the row, so that two clicks on the same link cannot both confirm. */
    public Optional<StoredConfirmation> findByTokenForUpdate(byte[] tokenHash) {
        return dsl.selectFrom(ACCOUNT_CONFIRMATION)
                .where(ACCOUNT_CONFIRMATION.TOKEN_HASH.eq(tokenHash))
                .forUpdate()
                .fetchOptional(r -> new StoredConfirmation(new UserId(r.getUserId()), fromDb(r.getExpiresAt()),
                        fromDb(r.getUsedAt())));
    }

    /**
     * Looks a token up without changing anything: a sign-up for an address that has an account does this, so
     * that it costs about the same database work as one that stores a new link.
     */
    public boolean exists(byte[] tokenHash) {
        return dsl.fetchExists(ACCOUNT_CONFIRMATION, ACCOUNT_CONFIRMATION.TOKEN_HASH.eq(tokenHash));
    }

    /** @return false if the link was used meanwhile (single use, even under concurrent clicks) */
    public boolean markUsed(UserId userId, Instant now) {
        return dsl.update(ACCOUNT_CONFIRMATION)
                .set(ACCOUNT_CONFIRMATION.USED_AT, toDb(now))
                .where(ACCOUNT_CONFIRMATION.USER_ID.eq(userId.value()).and(ACCOUNT_CONFIRMATION.USED_AT.isNull()))
                .execute() == 1;
    }

    /** Deletes used links once they have expired (unused ones go with their unconfirmed account). */
    public int deleteUsedAndExpired(Instant now) {
        return dsl.deleteFrom(ACCOUNT_CONFIRMATION)
                .where(ACCOUNT_CONFIRMATION.USED_AT.isNotNull()
                        .and(ACCOUNT_CONFIRMATION.EXPIRES_AT.le(toDb(now))))
                .execute();
    }
}
