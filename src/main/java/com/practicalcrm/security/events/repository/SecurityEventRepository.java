package com.practicalcrm.security.events.repository;

import static com.practicalcrm.common.DbTimestamps.fromDb;
import static com.practicalcrm.common.DbTimestamps.toDb;
import static com.practicalcrm.jooq.Tables.SECURITY_EVENT;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.UserId;
import com.practicalcrm.security.events.SecurityEvent;
import com.practicalcrm.security.events.SecurityEventType;

@Repository
public class SecurityEventRepository {

    private final DSLContext dsl;

    public SecurityEventRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(SecurityEvent event) {
        dsl.insertInto(SECURITY_EVENT)
                .set(SECURITY_EVENT.USER_ID, event.userId().value())
                .set(SECURITY_EVENT.EVENT_TYPE, event.type().name())
                .set(SECURITY_EVENT.OCCURRED_AT, toDb(event.occurredAt()))
                .set(SECURITY_EVENT.CLIENT_ADDRESS, event.client().address())
                .set(SECURITY_EVENT.USER_AGENT, event.client().userAgent())
                .execute();
    }

    public List<SecurityEvent> latest(UserId userId, int limit) {
        return dsl.selectFrom(SECURITY_EVENT)
                .where(SECURITY_EVENT.USER_ID.eq(userId.value()))
                .orderBy(SECURITY_EVENT.OCCURRED_AT.desc(), SECURITY_EVENT.ID.desc())
                .limit(limit)
                .fetch(r -> new SecurityEvent(userId, SecurityEventType.valueOf(r.getEventType()),
                        fromDb(r.getOccurredAt()), new ClientInfo(r.getClientAddress(), r.getUserAgent())));
    }

    public int deleteOlderThan(Instant cutoff) {
        return dsl.deleteFrom(SECURITY_EVENT)
                .where(SECURITY_EVENT.OCCURRED_AT.lt(toDb(cutoff)))
                .execute();
    }
}
