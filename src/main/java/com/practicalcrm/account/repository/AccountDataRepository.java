package com.practicalcrm.account.repository;

import static com.practicalcrm.common.DbTimestamps.fromDb;
import static com.practicalcrm.jooq.Tables.APP_USER;
import static com.practicalcrm.jooq.Tables.AUTH_THROTTLE;
import static com.practicalcrm.jooq.Tables.AVATAR;
import static com.practicalcrm.jooq.Tables.EMAIL_CHANGE;
import static com.practicalcrm.jooq.Tables.KNOWN_DEVICE;
import static com.practicalcrm.jooq.Tables.RECOVERY_CODE;
import static com.practicalcrm.jooq.Tables.SECURITY_EVENT;
import static com.practicalcrm.jooq.Tables.SIGN_IN_ALERT;
import static com.practicalcrm.jooq.Tables.TRUSTED_BROWSER;
import static com.practicalcrm.jooq.Tables.TWO_FACTOR_CREDENTIAL;
import static com.practicalcrm.jooq.Tables.USER_SESSION;

import java.time.Instant;
import java.util.Collection;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import com.practicalcrm.common.BrowserDescription;
import com.practicalcrm.common.UserId;
import com.practicalcrm.security.events.SecurityEventType;

/**
 * Everything stored about one account, read for "Download my data" and deleted by "Delete account". The export
 * reads column by column on purpose: hashes, tokens, secrets and session keys are never selected, so they cannot
 * end up in the file.
 */
@Repository
public class AccountDataRepository {

    private final DSLContext dsl;

    public AccountDataRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The JSON sections of the export (see the README for the fields), in the order they appear. */
    public Optional<Map<String, Object>> export(UserId userId) {
        long id = userId.value();
        var user = dsl.select(APP_USER.FULL_NAME, APP_USER.EMAIL, APP_USER.JOINED_AT, APP_USER.EMAIL_CONFIRMED_AT)
                .from(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("profile", object(
                "fullName", user.get().value1(),
                "email", user.get().value2(),
                "joinedAt", time(user.get().value3()),
                "emailConfirmedAt", time(user.get().value4())));
        data.put("avatar", dsl.select(AVATAR.CONTENT_TYPE, AVATAR.UPDATED_AT, AVATAR.LARGE_IMAGE)
                .from(AVATAR).where(AVATAR.USER_ID.eq(id))
                .fetchOptional(r -> object(
                        "contentType", r.value1(),
                        "updatedAt", time(r.value2()),
                        "imageBase64", java.util.Base64.getEncoder().encodeToString(r.value3())))
                .orElse(null));
        var twoFactor = dsl.select(TWO_FACTOR_CREDENTIAL.ENABLED_AT).from(TWO_FACTOR_CREDENTIAL)
                .where(TWO_FACTOR_CREDENTIAL.USER_ID.eq(id)).fetchOptional(r -> fromDb(r.value1()));
        int codesLeft = dsl.fetchCount(RECOVERY_CODE, RECOVERY_CODE.USER_ID.eq(id).and(RECOVERY_CODE.USED_AT.isNull()));
        int codesUsed = dsl.fetchCount(RECOVERY_CODE, RECOVERY_CODE.USER_ID.eq(id).and(RECOVERY_CODE.USED_AT.isNotNull()));
        data.put("twoFactor", object(
                "enabled", twoFactor.isPresent(),
                "enabledAt", twoFactor.map(Instant::toString).orElse(null),
                "recoveryCodesLeft", codesLeft,
                "recoveryCodesUsed", codesUsed));
        data.put("pendingEmailChange", dsl.select(EMAIL_CHANGE.NEW_EMAIL, EMAIL_CHANGE.REQUESTED_AT,
                        EMAIL_CHANGE.EXPIRES_AT, EMAIL_CHANGE.USED_AT)
                .from(EMAIL_CHANGE).where(EMAIL_CHANGE.USER_ID.eq(id))
                .fetchOptional(r -> object(
                        "newEmail", r.value1(),
                        "requestedAt", time(r.value2()),
                        "expiresAt", time(r.value3()),
                        "confirmedAt", time(r.value4())))
                .orElse(null));
        data.put("securityEvents", dsl.select(SECURITY_EVENT.EVENT_TYPE, SECURITY_EVENT.OCCURRED_AT,
                        SECURITY_EVENT.CLIENT_ADDRESS, SECURITY_EVENT.USER_AGENT)
                .from(SECURITY_EVENT).where(SECURITY_EVENT.USER_ID.eq(id))
                .orderBy(SECURITY_EVENT.OCCURRED_AT, SECURITY_EVENT.ID)
                .fetch(r -> object(
                        "type", r.value1(),
                        "description", describe(r.value1()),
                        "occurredAt", time(r.value2()),
                        "address", r.value3(),
                        "browser", BrowserDescription.describe(r.value4()),
                        "userAgent", r.value4())));
        data.put("sessions", dsl.select(USER_SESSION.SIGNED_IN_AT, USER_SESSION.LAST_SEEN_AT, USER_SESSION.ENDED_AT,
                        USER_SESSION.CLIENT_ADDRESS, USER_SESSION.USER_AGENT)
                .from(USER_SESSION).where(USER_SESSION.USER_ID.eq(id))
                .orderBy(USER_SESSION.SIGNED_IN_AT)
                .fetch(r -> object(
                        "signedInAt", time(r.value1()),
                        "lastActiveAt", time(r.value2()),
                        "endedAt", time(r.value3()),
                        "address", r.value4(),
                        "browser", BrowserDescription.describe(r.value5()),
                        "userAgent", r.value5())));
        data.put("trustedBrowsers", dsl.select(TRUSTED_BROWSER.CREATED_AT, TRUSTED_BROWSER.LAST_USED_AT,
                        TRUSTED_BROWSER.EXPIRES_AT, TRUSTED_BROWSER.CLIENT_ADDRESS, TRUSTED_BROWSER.USER_AGENT)
                .from(TRUSTED_BROWSER).where(TRUSTED_BROWSER.USER_ID.eq(id))
                .orderBy(TRUSTED_BROWSER.CREATED_AT)
                .fetch(r -> object(
                        "addedAt", time(r.value1()),
                        "lastUsedAt", time(r.value2()),
                        "expiresAt", time(r.value3()),
                        "addressWhenAdded", r.value4(),
                        "browser", BrowserDescription.describe(r.value5()),
                        "userAgent", r.value5())));
        data.put("knownBrowsers", dsl.select(KNOWN_DEVICE.BROWSER, KNOWN_DEVICE.FIRST_SEEN_AT, KNOWN_DEVICE.LAST_SEEN_AT)
                .from(KNOWN_DEVICE).where(KNOWN_DEVICE.USER_ID.eq(id))
                .orderBy(KNOWN_DEVICE.FIRST_SEEN_AT)
                .fetch(r -> object(
                        "browser", r.value1(),
                        "firstSeenAt", time(r.value2()),
                        "lastSeenAt", time(r.value3()))));
        data.put("newSignInAlerts", dsl.select(SIGN_IN_ALERT.SIGNED_IN_AT, SIGN_IN_ALERT.CLIENT_ADDRESS,
                        SIGN_IN_ALERT.USER_AGENT, SIGN_IN_ALERT.EXPIRES_AT, SIGN_IN_ALERT.USED_AT)
                .from(SIGN_IN_ALERT).where(SIGN_IN_ALERT.USER_ID.eq(id))
                .orderBy(SIGN_IN_ALERT.SIGNED_IN_AT)
                .fetch(r -> object(
                        "signedInAt", time(r.value1()),
                        "address", r.value2(),
                        "browser", BrowserDescription.describe(r.value3()),
                        "userAgent", r.value3(),
                        "linkExpiresAt", time(r.value4()),
                        "reportedAt", time(r.value5()))));
        data.put("passkeys", passkeys(id));
        return Optional.of(data);
    }

    /**
     * The passkeys' metadata (never the credential id, public key, attestation or user handle), read by name: the
     * passkeys feature owns the table (V8), and before it exists the list is empty.
     */
    private List<Map<String, Object>> passkeys(long id) {
        boolean exists = dsl.fetchExists(DSL.selectOne().from(DSL.table(DSL.name("information_schema", "TABLES")))
                .where(DSL.field(DSL.name("TABLE_SCHEMA")).eq(DSL.currentSchema())
                        .and(DSL.field(DSL.name("TABLE_NAME")).eq("passkey_credential"))));
        if (!exists) {
            return List.of();
        }
        Field<String> label = DSL.field(DSL.name("label"), String.class);
        Field<String> aaguid = DSL.field(DSL.name("aaguid"), String.class);
        Field<LocalDateTime> createdAt = DSL.field(DSL.name("created_at"), LocalDateTime.class);
        Field<LocalDateTime> lastUsedAt = DSL.field(DSL.name("last_used_at"), LocalDateTime.class);
        Field<Boolean> backupEligible = DSL.field(DSL.name("backup_eligible"), Boolean.class);
        Field<Boolean> backupState = DSL.field(DSL.name("backup_state"), Boolean.class);
        Field<String> transports = DSL.field(DSL.name("transports"), String.class);
        return dsl.select(label, aaguid, createdAt, lastUsedAt, backupEligible, backupState, transports)
                .from(DSL.table(DSL.name("passkey_credential")))
                .where(DSL.field(DSL.name("user_id"), Long.class).eq(id))
                .orderBy(createdAt)
                .fetch(r -> object(
                        "label", r.value1(),
                        "aaguid", r.value2(),
                        "createdAt", time(r.value3()),
                        "lastUsedAt", time(r.value4()),
                        "backupEligible", r.value5(),
                        "synced", r.value6(),
                        "transports", r.value7()));
    }

    /**
     * Deletes the account: its row, and with it (foreign keys, ON DELETE CASCADE) every row that belongs to it;
     * also the per-account throttle counters, which are keyed by address or user id rather than a foreign key.
     *
     * @param throttleSubjects the account's throttle subjects (its address, its "user:" key)
     * @return whether the account existed
     */
    public boolean delete(UserId userId, Collection<String> throttleSubjects, Collection<String> throttleScopes) {
        dsl.deleteFrom(AUTH_THROTTLE)
                .where(AUTH_THROTTLE.SUBJECT.in(throttleSubjects).and(AUTH_THROTTLE.SCOPE.in(throttleScopes)))
                .execute();
        return dsl.deleteFrom(APP_USER).where(APP_USER.ID.eq(userId.value())).execute() == 1;
    }

    private static String describe(String eventType) {
        try {
            return SecurityEventType.valueOf(eventType).label();
        } catch (IllegalArgumentException retired) {
            return eventType;
        }
    }

    private static String time(LocalDateTime value) {
        Instant instant = fromDb(value);
        return instant == null ? null : instant.toString();
    }

    /** A JSON object with its keys in the given order; null values stay (as {@code null}), so every key is there. */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

}
