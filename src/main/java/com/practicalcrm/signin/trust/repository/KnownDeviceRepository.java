package com.practicalcrm.signin.trust.repository;

import static com.practicalcrm.common.DbTimestamps.toDb;
import static com.practicalcrm.jooq.Tables.KNOWN_DEVICE;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.practicalcrm.common.UserId;

@Repository
public class KnownDeviceRepository {

    private final DSLContext dsl;

    public KnownDeviceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Marks the device seen now, if the account knows it; @return whether it does. */
    public boolean touch(UserId userId, byte[] deviceHash, String browser, Instant now) {
        return dsl.update(KNOWN_DEVICE)
                .set(KNOWN_DEVICE.LAST_SEEN_AT, toDb(now))
                .where(KNOWN_DEVICE.USER_ID.eq(userId.value())
                        .and(KNOWN_DEVICE.DEVICE_HASH.eq(deviceHash))
                        .and(KNOWN_DEVICE.BROWSER.eq(browser)))
                .execute() == 1;
    }

    public boolean anyFor(UserId userId) {
        return dsl.fetchExists(KNOWN_DEVICE, KNOWN_DEVICE.USER_ID.eq(userId.value()));
    }

    /**
     * Adds the device; a parallel sign-in of the same browser may have added it a moment ago.
     *
     * @return the new row's id, or empty when it was there already
     */
    public Optional<Long> insert(UserId userId, byte[] deviceHash, String browser, Instant now) {
        int inserted = dsl.insertInto(KNOWN_DEVICE)
                .set(KNOWN_DEVICE.USER_ID, userId.value())
                .set(KNOWN_DEVICE.DEVICE_HASH, deviceHash)
                .set(KNOWN_DEVICE.BROWSER, browser)
                .set(KNOWN_DEVICE.FIRST_SEEN_AT, toDb(now))
                .set(KNOWN_DEVICE.LAST_SEEN_AT, toDb(now))
                .onDuplicateKeyIgnore()
                .execute();
        if (inserted != 1) {
            return Optional.empty();
        }
        return dsl.select(KNOWN_DEVICE.ID).from(KNOWN_DEVICE)
                .where(KNOWN_DEVICE.USER_ID.eq(userId.value())
                        .and(KNOWN_DEVICE.DEVICE_HASH.eq(deviceHash))
                        .and(KNOWN_DEVICE.BROWSER.eq(browser)))
                .fetchOptional(KNOWN_DEVICE.ID);
    }

    public void delete(UserId userId, long id) {
        dsl.deleteFrom(KNOWN_DEVICE).where(KNOWN_DEVICE.ID.eq(id).and(KNOWN_DEVICE.USER_ID.eq(userId.value())))
                .execute();
    }
}
