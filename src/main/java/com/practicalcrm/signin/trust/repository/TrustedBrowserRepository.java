package com.practicalcrm.signin.trust.repository;

import static com.practicalcrm.common.DbTimestamps.fromDb;
import static com.practicalcrm.common.DbTimestamps.toDb;
import static com.practicalcrm.jooq.Tables.TRUSTED_BROWSER;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.UserId;
import com.practicalcrm.signin.trust.TrustedBrowser;

@Repository
public class TrustedBrowserRepository {

    private final DSLContext dsl;

    public TrustedBrowserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(UserId userId, byte[] tokenHash, Instant now, Instant expiresAt, ClientInfo client) {
        dsl.insertInto(TRUSTED_BROWSER)
                .set(TRUSTED_BROWSER.USER_ID, userId.value())
                .set(TRUSTED_BROWSER.TOKEN_HASH, tokenHash)
                .set(TRUSTED_BROWSER.CREATED_AT, toDb(now))
                .set(TRUSTED_BROWSER.LAST_USED_AT, toDb(now))
                .set(TRUSTED_BROWSER.EXPIRES_AT, toDb(expiresAt))
                .set(TRUSTED_BROWSER.CLIENT_ADDRESS, client.address())
                .set(TRUSTED_BROWSER.USER_AGENT, client.userAgent())
                .execute();
    }

    /**
     * Records a use of the browser's token, if it belongs to this user and has not expired: one conditional
     * UPDATE, so a removed or expired entry can never be used.
     */
    public boolean use(UserId userId, byte[] tokenHash, Instant now) {
        return dsl.update(TRUSTED_BROWSER)
                .set(TRUSTED_BROWSER.LAST_USED_AT, toDb(now))
                .where(TRUSTED_BROWSER.TOKEN_HASH.eq(tokenHash)
                        .and(TRUSTED_BROWSER.USER_ID.eq(userId.value()))
                        .and(TRUSTED_BROWSER.EXPIRES_AT.gt(toDb(now))))
                .execute() == 1;
    }

    public List<TrustedBrowser> active(UserId userId, Instant now) {
        return dsl.select(TRUSTED_BROWSER.ID, TRUSTED_BROWSER.CLIENT_ADDRESS, TRUSTED_BROWSER.USER_AGENT,
                        TRUSTED_BROWSER.CREATED_AT, TRUSTED_BROWSER.LAST_USED_AT, TRUSTED_BROWSER.EXPIRES_AT)
                .from(TRUSTED_BROWSER)
                .where(TRUSTED_BROWSER.USER_ID.eq(userId.value()).and(TRUSTED_BROWSER.EXPIRES_AT.gt(toDb(now))))
                .orderBy(TRUSTED_BROWSER.LAST_USED_AT.desc())
                .fetch(r -> new TrustedBrowser(r.value1(), new ClientInfo(r.value2(), r.value3()), fromDb(r.value4()),
                        fromDb(r.value5()), fromDb(r.value6())));
    }

    /** Deletes one entry, only if it is the user's. */
    public boolean delete(UserId userId, long id) {
        return dsl.deleteFrom(TRUSTED_BROWSER)
                .where(TRUSTED_BROWSER.ID.eq(id).and(TRUSTED_BROWSER.USER_ID.eq(userId.value())))
                .execute() == 1;
    }

    public int deleteAll(UserId userId) {
        return dsl.deleteFrom(TRUSTED_BROWSER).where(TRUSTED_BROWSER.USER_ID.eq(userId.value())).execute();
    }

    public int deleteExpired(Instant now) {
        return dsl.deleteFrom(TRUSTED_BROWSER).where(TRUSTED_BROWSER.EXPIRES_AT.le(toDb(now))).execute();
    }
}
