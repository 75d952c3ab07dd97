package com.practicalcrm.sessions.repository;

import static com.practicalcrm.common.DbTimestamps.fromDb;
import static com.practicalcrm.common.DbTimestamps.toDb;
import static com.practicalcrm.jooq.Tables.APP_USER;
import static com.practicalcrm.jooq.Tables.USER_SESSION;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.UserId;
import com.practicalcrm.sessions.ActiveSession;
import com.practicalcrm.sessions.SessionState;

@Repository
public class UserSessionRepository {

    private final DSLContext dsl;

    public UserSessionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(String key, UserId userId, Instant now, ClientInfo client) {
        dsl.insertInto(USER_SESSION)
                .set(USER_SESSION.SESSION_KEY, key)
                .set(USER_SESSION.USER_ID, userId.value())
                .set(USER_SESSION.SIGNED_IN_AT, toDb(now))
                .set(USER_SESSION.LAST_SEEN_AT, toDb(now))
                .set(USER_SESSION.CLIENT_ADDRESS, client.address())
                .set(USER_SESSION.USER_AGENT, client.userAgent())
                .execute();
    }

    /** One primary-key lookup per request: the account's credential version and the session's row. */
    public Optional<SessionState> state(UserId userId, String key) {
        return dsl.select(APP_USER.CREDENTIAL_VERSION, USER_SESSION.SESSION_KEY, USER_SESSION.ENDED_AT,
                        USER_SESSION.LAST_SEEN_AT)
                .from(APP_USER)
                .leftJoin(USER_SESSION).on(USER_SESSION.SESSION_KEY.eq(key)
                        .and(USER_SESSION.USER_ID.eq(APP_USER.ID)))
                .where(APP_USER.ID.eq(userId.value()))
                .fetchOptional(r -> new SessionState(r.value1(), r.value2() != null, fromDb(r.value3()),
                        fromDb(r.value4())));
    }

    public Optional<Integer> credentialVersion(UserId userId) {
        return dsl.select(APP_USER.CREDENTIAL_VERSION).from(APP_USER).where(APP_USER.ID.eq(userId.value()))
                .fetchOptional(r -> r.value1());
    }

    /** Raises the account's credential version (in the caller's transaction) and returns the new one. */
    public int raiseCredentialVersion(UserId userId) {
        dsl.update(APP_USER)
                .set(APP_USER.CREDENTIAL_VERSION, APP_USER.CREDENTIAL_VERSION.plus(1))
                .where(APP_USER.ID.eq(userId.value()))
                .execute();
        return credentialVersion(userId).orElseThrow(() -> new IllegalStateException("No such account"));
    }

    public void touch(String key, Instant now, ClientInfo client) {
        dsl.update(USER_SESSION)
                .set(USER_SESSION.LAST_SEEN_AT, toDb(now))
                .set(USER_SESSION.CLIENT_ADDRESS, client.address())
                .set(USER_SESSION.USER_AGENT, client.userAgent())
                .where(USER_SESSION.SESSION_KEY.eq(key))
                .execute();
    }

    public List<ActiveSession> active(UserId userId, Instant seenSince) {
        return dsl.select(USER_SESSION.SESSION_KEY, USER_SESSION.CLIENT_ADDRESS, USER_SESSION.USER_AGENT,
                        USER_SESSION.SIGNED_IN_AT, USER_SESSION.LAST_SEEN_AT)
                .from(USER_SESSION)
                .where(USER_SESSION.USER_ID.eq(userId.value())
                        .and(USER_SESSION.ENDED_AT.isNull())
                        .and(USER_SESSION.LAST_SEEN_AT.ge(toDb(seenSince))))
                .orderBy(USER_SESSION.LAST_SEEN_AT.desc())
                .fetch(r -> new ActiveSession(r.value1(), new ClientInfo(r.value2(), r.value3()), fromDb(r.value4()),
                        fromDb(r.value5())));
    }

    public int end(String key, Instant now) {
        return dsl.update(USER_SESSION)
                .set(USER_SESSION.ENDED_AT, toDb(now))
                .where(USER_SESSION.SESSION_KEY.eq(key).and(USER_SESSION.ENDED_AT.isNull()))
                .execute();
    }

    /** Ends one session, only if it is the user's and still running. */
    public boolean endOwned(UserId userId, String key, Instant now) {
        return dsl.update(USER_SESSION)
                .set(USER_SESSION.ENDED_AT, toDb(now))
                .where(USER_SESSION.SESSION_KEY.eq(key)
                        .and(USER_SESSION.USER_ID.eq(userId.value()))
                        .and(USER_SESSION.ENDED_AT.isNull()))
                .execute() == 1;
    }

    public int endAllExcept(UserId userId, String keptKey, Instant now) {
        return dsl.update(USER_SESSION)
                .set(USER_SESSION.ENDED_AT, toDb(now))
                .where(USER_SESSION.USER_ID.eq(userId.value())
                        .and(USER_SESSION.ENDED_AT.isNull())
                        .and(USER_SESSION.SESSION_KEY.ne(keptKey)))
                .execute();
    }

    public int endAll(UserId userId, Instant now) {
        return dsl.update(USER_SESSION)
                .set(USER_SESSION.ENDED_AT, toDb(now))
                .where(USER_SESSION.USER_ID.eq(userId.value()).and(USER_SESSION.ENDED_AT.isNull()))
                .execute();
    }

    /** Rows of sessions that ended, or went quiet, before {@code cutoff}. */
    public int deleteInactiveSince(Instant cutoff) {
        return dsl.deleteFrom(USER_SESSION)
                .where(USER_SESSION.LAST_SEEN_AT.lt(toDb(cutoff))
                        .or(USER_SESSION.ENDED_AT.lt(toDb(cutoff))))
                .execute();
    }
}
