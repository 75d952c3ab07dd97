package com.practicalcrm.account.repository;

import static com.practicalcrm.common.DbTimestamps.fromDb;
import static com.practicalcrm.common.DbTimestamps.toDb;
import static com.practicalcrm.jooq.Tables.APP_USER;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

import com.practicalcrm.account.EmailAlreadyInUseException;
import com.practicalcrm.account.UserCredentials;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.UserId;

@Repository
public class UserRepository {

    private final DSLContext dsl;

    public UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * @param emailConfirmedAt when the address was proved, or null for an account that must confirm it before it
     *                         can sign in
     * @throws EmailAlreadyInUseException when another account has the address (unique key, any case)
     */
    public UserId insert(String fullName, EmailAddress email, String passwordHash, Instant joinedAt,
                         Instant emailConfirmedAt) {
        try {
            Long id = dsl.insertInto(APP_USER)
                    .set(APP_USER.FULL_NAME, fullName)
                    .set(APP_USER.EMAIL, email.value())
                    .set(APP_USER.PASSWORD_HASH, passwordHash)
                    .set(APP_USER.JOINED_AT, toDb(joinedAt))
                    .set(APP_USER.EMAIL_CONFIRMED_AT, emailConfirmedAt == null ? null : toDb(emailConfirmedAt))
                    .set(APP_USER.VERSION, 0)
                    .returningResult(APP_USER.ID)
                    .fetchOne(APP_USER.ID);
            return new UserId(id);
        } catch (DuplicateKeyException e) {
            throw new EmailAlreadyInUseException();
        }
    }

    public Optional<UserProfile> findProfile(UserId id) {
        return dsl.select(APP_USER.ID, APP_USER.FULL_NAME, APP_USER.EMAIL, APP_USER.JOINED_AT)
                .from(APP_USER)
                .where(APP_USER.ID.eq(id.value()))
                .fetchOptional(UserRepository::toProfile);
    }

    public Optional<UserProfile> findProfileByEmail(EmailAddress email) {
        return dsl.select(APP_USER.ID, APP_USER.FULL_NAME, APP_USER.EMAIL, APP_USER.JOINED_AT)
                .from(APP_USER)
                .where(APP_USER.EMAIL.eq(email.value()))
                .fetchOptional(UserRepository::toProfile);
    }

    public Optional<UserCredentials> findCredentials(EmailAddress email) {
        return dsl.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.PASSWORD_HASH, APP_USER.CREDENTIAL_VERSION,
                        APP_USER.EMAIL_CONFIRMED_AT)
                .from(APP_USER)
                .where(APP_USER.EMAIL.eq(email.value()))
                .fetchOptional(r -> new UserCredentials(new UserId(r.get(APP_USER.ID)),
                        new EmailAddress(r.get(APP_USER.EMAIL)), r.get(APP_USER.PASSWORD_HASH),
                        r.get(APP_USER.CREDENTIAL_VERSION), r.get(APP_USER.EMAIL_CONFIRMED_AT) != null));
    }

    public boolean isEmailConfirmed(UserId id) {
        return dsl.fetchExists(APP_USER, APP_USER.ID.eq(id.value()).and(APP_USER.EMAIL_CONFIRMED_AT.isNotNull()));
    }

    /**
     * Marks the address as proved, once: a conditional UPDATE, so of two concurrent confirmations exactly one
     * reports the change.
     *
     * @return whether this call confirmed it (false if it was confirmed already, or there is no such account)
     */
    public boolean markEmailConfirmed(UserId id, Instant now) {
        return dsl.update(APP_USER)
                .set(APP_USER.EMAIL_CONFIRMED_AT, toDb(now))
                .where(APP_USER.ID.eq(id.value()).and(APP_USER.EMAIL_CONFIRMED_AT.isNull()))
                .execute() == 1;
    }

    /** Deletes accounts whose address was never confirmed and that were created before {@code joinedBefore}. */
    public int deleteUnconfirmedJoinedBefore(Instant joinedBefore) {
        return dsl.deleteFrom(APP_USER)
                .where(APP_USER.EMAIL_CONFIRMED_AT.isNull().and(APP_USER.JOINED_AT.lt(toDb(joinedBefore))))
                .execute();
    }

    public Optional<String> findPasswordHash(UserId id) {
        return dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER)
                .where(APP_USER.ID.eq(id.value()))
                .fetchOptional(APP_USER.PASSWORD_HASH);
    }

    /** @throws EmailAlreadyInUseException when another account has the address (unique key, any case) */
    public void updateEmail(UserId id, EmailAddress email) {
        try {
            dsl.update(APP_USER)
                    .set(APP_USER.EMAIL, email.value())
                    .where(APP_USER.ID.eq(id.value()))
                    .execute();
        } catch (DuplicateKeyException e) {
            throw new EmailAlreadyInUseException();
        }
    }

    public boolean existsByEmail(EmailAddress email) {
        return dsl.fetchExists(APP_USER, APP_USER.EMAIL.eq(email.value()));
    }

    /** Replaces the stored hash only if it is still the one the caller read (no lost update). */
    public boolean updatePasswordHash(UserId id, String expectedOldHash, String newHash) {
        return dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, newHash)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id.value()).and(APP_USER.PASSWORD_HASH.eq(expectedOldHash)))
                .execute() == 1;
    }

    /**
     * Sets a new password after a reset and raises the credential version, which ends every session of the
     * user on every app instance.
     */
    public boolean replacePassword(UserId id, String newHash) {
        return dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, newHash)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .set(APP_USER.CREDENTIAL_VERSION, APP_USER.CREDENTIAL_VERSION.plus(1))
                .where(APP_USER.ID.eq(id.value()))
                .execute() == 1;
    }

    public long count() {
        return dsl.fetchCount(APP_USER);
    }

    private static UserProfile toProfile(Record r) {
        return new UserProfile(new UserId(r.get(APP_USER.ID)), r.get(APP_USER.FULL_NAME),
                new EmailAddress(r.get(APP_USER.EMAIL)), fromDb(r.get(APP_USER.JOINED_AT)));
    }
}
