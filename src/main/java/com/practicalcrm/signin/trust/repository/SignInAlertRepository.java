package com.practicalcrm.signin.trust.repository;

import static com.practicalcrm.common.DbTimestamps.fromDb;
import static com.practicalcrm.common.DbTimestamps.toDb;
import static com.practicalcrm.jooq.Tables.SIGN_IN_ALERT;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.UserId;

@Repository
public class SignInAlertRepository {

    /** A stored alert, as its "This wasn't me" link finds it. */
    public record StoredAlert(long id, UserId userId, Long deviceId, Instant signedInAt, Instant expiresAt,
                              Instant usedAt, ClientInfo client) {
    }

    private final DSLContext dsl;

    public SignInAlertRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(UserId userId, byte[] tokenHash, Long deviceId, Instant signedInAt, Instant expiresAt,
                       ClientInfo client) {
        dsl.insertInto(SIGN_IN_ALERT)
                .set(SIGN_IN_ALERT.USER_ID, userId.value())
                .set(SIGN_IN_ALERT.TOKEN_HASH, tokenHash)
                .set(SIGN_IN_ALERT.DEVICE_ID, deviceId)
                .set(SIGN_IN_ALERT.SIGNED_IN_AT, toDb(signedInAt))
                .set(SIGN_IN_ALERT.EXPIRES_AT, toDb(expiresAt))
                .set(SIGN_IN_ALERT.CLIENT_ADDRESS, client.address())
                .set(SIGN_IN_ALERT.USER_AGENT, client.userAgent())
                .execute();
    }

    public Optional<StoredAlert> find(byte[] tokenHash) {
        return dsl.select(SIGN_IN_ALERT.ID, SIGN_IN_ALERT.USER_ID, SIGN_IN_ALERT.DEVICE_ID, SIGN_IN_ALERT.SIGNED_IN_AT,
                        SIGN_IN_ALERT.EXPIRES_AT, SIGN_IN_ALERT.USED_AT, SIGN_IN_ALERT.CLIENT_ADDRESS,
                        SIGN_IN_ALERT.USER_AGENT)
                .from(SIGN_IN_ALERT)
                .where(SIGN_IN_ALERT.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(r -> new StoredAlert(r.value1(), new UserId(r.value2()), r.value3(), fromDb(r.value4()),
                        fromDb(r.value5()), fromDb(r.value6()), new ClientInfo(r.value7(), r.value8())));
    }

    /** Uses the link up: one conditional UPDATE, so of two clicks exactly one gets {@code true}. */
    public boolean consume(long id, Instant now) {
        return dsl.update(SIGN_IN_ALERT)
                .set(SIGN_IN_ALERT.USED_AT, toDb(now))
                .where(SIGN_IN_ALERT.ID.eq(id)
                        .and(SIGN_IN_ALERT.USED_AT.isNull())
                        .and(SIGN_IN_ALERT.EXPIRES_AT.gt(toDb(now))))
                .execute() == 1;
    }

    public int deleteExpired(Instant now) {
        return dsl.deleteFrom(SIGN_IN_ALERT).where(SIGN_IN_ALERT.EXPIRES_AT.le(toDb(now))).execute();
    }
}
