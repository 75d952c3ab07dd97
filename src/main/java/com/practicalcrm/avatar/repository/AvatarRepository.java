package com.practicalcrm.avatar.repository;

import static com.practicalcrm.common.DbTimestamps.toDb;
import static com.practicalcrm.jooq.Tables.AVATAR;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.TableField;
import org.springframework.stereotype.Repository;

import com.practicalcrm.avatar.AvatarImage;
import com.practicalcrm.avatar.AvatarSize;
import com.practicalcrm.avatar.ProcessedAvatar;
import com.practicalcrm.common.UserId;
import com.practicalcrm.jooq.tables.records.AvatarRecord;

@Repository
public class AvatarRepository {

    private final DSLContext dsl;

    public AvatarRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Inserts or replaces the user's picture in one statement: readers see either the old picture or the new one,
     * every size together, never a mix.
     */
    public void save(UserId userId, long version, ProcessedAvatar picture, Instant now) {
        byte[] large = picture.image(AvatarSize.LARGE).bytes();
        byte[] small = picture.image(AvatarSize.SMALL).bytes();
        dsl.insertInto(AVATAR)
                .set(AVATAR.USER_ID, userId.value())
                .set(AVATAR.VERSION, version)
                .set(AVATAR.CONTENT_TYPE, picture.contentType())
                .set(AVATAR.LARGE_IMAGE, large)
                .set(AVATAR.SMALL_IMAGE, small)
                .set(AVATAR.UPDATED_AT, toDb(now))
                .onDuplicateKeyUpdate()
                .set(AVATAR.VERSION, version)
                .set(AVATAR.CONTENT_TYPE, picture.contentType())
                .set(AVATAR.LARGE_IMAGE, large)
                .set(AVATAR.SMALL_IMAGE, small)
                .set(AVATAR.UPDATED_AT, toDb(now))
                .execute();
    }

    /** @return whether there was a picture */
    public boolean delete(UserId userId) {
        return dsl.deleteFrom(AVATAR).where(AVATAR.USER_ID.eq(userId.value())).execute() > 0;
    }

    public Optional<Long> findVersion(UserId userId) {
        return dsl.select(AVATAR.VERSION).from(AVATAR)
                .where(AVATAR.USER_ID.eq(userId.value()))
                .fetchOptional(AVATAR.VERSION);
    }

    /** Reads only the requested size's bytes, and only if the version still matches. */
    public Optional<AvatarImage> findImage(UserId userId, long version, AvatarSize size) {
        TableField<AvatarRecord, byte[]> column = size == AvatarSize.LARGE ? AVATAR.LARGE_IMAGE : AVATAR.SMALL_IMAGE;
        return dsl.select(AVATAR.CONTENT_TYPE, column).from(AVATAR)
                .where(AVATAR.USER_ID.eq(userId.value()).and(AVATAR.VERSION.eq(version)))
                .fetchOptional(r -> new AvatarImage(r.get(AVATAR.CONTENT_TYPE), r.get(column)));
    }
}
