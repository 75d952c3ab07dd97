package com.practicalcrm.passwordreset.repository;

import static com.practicalcrm.common.DbTimestamps.toDb;
import static com.practicalcrm.jooq.Tables.PASSWORD_RESET_TOKEN;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.practicalcrm.common.UserId;

/** One row per user at most: the newest link's token hash and its expiry. */
@Repository
public class PasswordResetTokenRepository {

    private final DSLContext dsl;

    public PasswordResetTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores the user's newest token, replacing (and so invalidating) any older one in the same statement. */
    public void replace(UserId userId, String tokenHash, Instant createdAt, Instant expiresAt) {
        dsl.insertInto(PASSWORD_RESET_TOKEN)
                .set(PASSWORD_RESET_TOKEN.USER_ID, userId.value())
                .set(PASSWORD_RESET_TOKEN.TOKEN_HASH, tokenHash)
                .set(PASSWORD_RESET_TOKEN.CREATED_AT, toDb(createdAt))
                .set(PASSWORD_RESET_TOKEN.EXPIRES_AT, toDb(expiresAt))
                .onDuplicateKeyUpdate()
                .set(PASSWORD_RESET_TOKEN.TOKEN_HASH, tokenHash)
                .set(PASSWORD_RESET_TOKEN.CREATED_AT, toDb(createdAt))
                .set(PASSWORD_RESET_TOKEN.EXPIRES_AT, toDb(expiresAt))
                .execute();
    }

    public Optional<UserId> findUserOfValidToken(String tokenHash, Instant now) {
        return dsl.select(PASSWORD_RESET_TOKEN.USER_ID)
                .from(PASSWORD_RESET_TOKEN)
                .where(PASSWORD_RESET_TOKEN.TOKEN_HASH.eq(tokenHash)
                        .and(PASSWORD_RESET_TOKEN.EXPIRES_AT.gt(toDb(now))))
                .fetchOptional(r -> new UserId(r.value1()));
    }

    /**
     * Uses up a token: one conditional DELETE, so of two concurrent uses (or app instances) exactly one wins.
     *
     * @return whether this call consumed a valid token
     */
    public boolean consume(String tokenHash, Instant now) {
        return dsl.deleteFrom(PASSWORD_RESET_TOKEN)
                .where(PASSWORD_RESET_TOKEN.TOKEN_HASH.eq(tokenHash)
                        .and(PASSWORD_RESET_TOKEN.EXPIRES_AT.gt(toDb(now))))
                .execute() == 1;
    }

    /**
     * Looks a token up the way {@link #replace} would, without changing anything: requests for unknown addresses
     * do this so that they cost the same database round trip as real ones.
     */
    public boolean exists(String tokenHash) {
        return dsl.fetchExists(PASSWORD_RESET_TOKEN, PASSWORD_RESET_TOKEN.TOKEN_HASH.eq(tokenHash));
    }

    public int deleteExpired(Instant now) {
        return dsl.deleteFrom(PASSWORD_RESET_TOKEN)
                .where(PASSWORD_RESET_TOKEN.EXPIRES_AT.le(toDb(now)))
                .execute();
    }
}
