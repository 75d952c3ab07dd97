package com.practicalcrm.twofactor.repository;

import static com.practicalcrm.common.DbTimestamps.toDb;
import static com.practicalcrm.jooq.Tables.APP_USER;
import static com.practicalcrm.jooq.Tables.RECOVERY_CODE;
import static com.practicalcrm.jooq.Tables.TWO_FACTOR_CREDENTIAL;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.practicalcrm.common.UserId;

/**
 * The 2FA credential and recovery codes of each user. Single-use rules (TOTP time steps, recovery codes) are
 * enforced here by conditional UPDATEs whose update count tells who won, so they hold across app instances
 * without locks.
 */
@Repository
public class TwoFactorRepository {

    /** The stored credential: ciphertext of the secret and the last accepted time step (null: none yet). */
    public record StoredCredential(String encryptedSecret, Long lastUsedStep) {

        @Override
        public String toString() {
            return "StoredCredential[lastUsedStep=" + lastUsedStep + "]";
        }
    }

    /** An unused recovery code: its row id and salted hash. */
    public record StoredRecoveryCode(long id, String hash) {
    }

    private final DSLContext dsl;

    public TwoFactorRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean isEnabled(UserId user) {
        return dsl.fetchExists(TWO_FACTOR_CREDENTIAL, TWO_FACTOR_CREDENTIAL.USER_ID.eq(user.value()));
    }

    public Optional<StoredCredential> findCredential(UserId user) {
        return dsl.select(TWO_FACTOR_CREDENTIAL.ENCRYPTED_SECRET, TWO_FACTOR_CREDENTIAL.LAST_USED_STEP)
                .from(TWO_FACTOR_CREDENTIAL)
                .where(TWO_FACTOR_CREDENTIAL.USER_ID.eq(user.value()))
                .fetchOptional(r -> new StoredCredential(r.value1(), r.value2()));
    }

    /** @return false if the user already has a credential (2FA was enabled meanwhile, e.g. in another tab) */
    public boolean insertCredential(UserId user, String encryptedSecret, Instant enabledAt, long usedStep) {
        return dsl.insertInto(TWO_FACTOR_CREDENTIAL)
                .set(TWO_FACTOR_CREDENTIAL.USER_ID, user.value())
                .set(TWO_FACTOR_CREDENTIAL.ENCRYPTED_SECRET, encryptedSecret)
                .set(TWO_FACTOR_CREDENTIAL.ENABLED_AT, toDb(enabledAt))
                .set(TWO_FACTOR_CREDENTIAL.LAST_USED_STEP, usedStep)
                .onDuplicateKeyIgnore()
                .execute() == 1;
    }

    public void insertRecoveryCodes(UserId user, List<String> hashes, Instant createdAt) {
        var insert = dsl.insertInto(RECOVERY_CODE, RECOVERY_CODE.USER_ID, RECOVERY_CODE.CODE_HASH,
                RECOVERY_CODE.CREATED_AT);
        for (String hash : hashes) {
            insert = insert.values(user.value(), hash, toDb(createdAt));
        }
        insert.execute();
    }

    /**
     * Records that a code of this time step was used, unless this or a later step was used before.
     *
     * @return false if another request (on any instance) already used this step or a later one: a replay
     */
    public boolean markStepUsed(UserId user, long step) {
        return dsl.update(TWO_FACTOR_CREDENTIAL)
                .set(TWO_FACTOR_CREDENTIAL.LAST_USED_STEP, step)
                .where(TWO_FACTOR_CREDENTIAL.USER_ID.eq(user.value())
                        .and(TWO_FACTOR_CREDENTIAL.LAST_USED_STEP.isNull()
                                .or(TWO_FACTOR_CREDENTIAL.LAST_USED_STEP.lt(step))))
                .execute() == 1;
    }

    public List<StoredRecoveryCode> unusedRecoveryCodes(UserId user) {
        return dsl.select(RECOVERY_CODE.ID, RECOVERY_CODE.CODE_HASH)
                .from(RECOVERY_CODE)
                .where(RECOVERY_CODE.USER_ID.eq(user.value()).and(RECOVERY_CODE.USED_AT.isNull()))
                .orderBy(RECOVERY_CODE.ID)
                .fetch(r -> new StoredRecoveryCode(r.value1(), r.value2()));
    }

    /** @return false if the code was used meanwhile: exactly one of several concurrent uses gets true */
    public boolean markRecoveryCodeUsed(long id, Instant usedAt) {
        return dsl.update(RECOVERY_CODE)
                .set(RECOVERY_CODE.USED_AT, toDb(usedAt))
                .where(RECOVERY_CODE.ID.eq(id).and(RECOVERY_CODE.USED_AT.isNull()))
                .execute() == 1;
    }

    public int countUnusedRecoveryCodes(UserId user) {
        return dsl.fetchCount(RECOVERY_CODE,
                RECOVERY_CODE.USER_ID.eq(user.value()).and(RECOVERY_CODE.USED_AT.isNull()));
    }

    public int deleteRecoveryCodes(UserId user) {
        return dsl.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.USER_ID.eq(user.value())).execute();
    }

    public int deleteCredential(UserId user) {
        return dsl.deleteFrom(TWO_FACTOR_CREDENTIAL).where(TWO_FACTOR_CREDENTIAL.USER_ID.eq(user.value())).execute();
    }

    /** The account's sign-in address, for the label in the authenticator app. */
    public Optional<String> email(UserId user) {
        return dsl.select(APP_USER.EMAIL).from(APP_USER).where(APP_USER.ID.eq(user.value())).fetchOptional(r -> r.value1());
    }
}
