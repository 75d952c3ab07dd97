package com.practicalcrm.sessions;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.UserId;
import com.practicalcrm.sessions.repository.UserSessionRepository;

/**
 * The signed-in sessions of every app instance, kept in MariaDB, so that a user sees all of theirs and ending
 * one takes effect wherever it lives: each request checks its session here (see {@link SessionValidationFilter}).
 */
@Service
public class UserSessions {

    /** HTTP session attribute holding the registry key; attributes move along when Spring changes the id. */
    public static final String KEY_ATTRIBUTE = UserSessions.class.getName() + ".key";

    /** "Last active" is written at most this often per session, not on every request. */
    public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    /** Rows of ended or abandoned sessions are kept this long, then deleted. */
    static final Duration KEEP_ENDED = Duration.ofDays(7);

    private final UserSessionRepository repository;
    private final Clock clock;
    private final SessionLimits limits;
    private final SecureRandom random = new SecureRandom();

    public UserSessions(UserSessionRepository repository, Clock clock, SessionLimits limits) {
        this.repository = repository;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * Registers a freshly signed-in session, unless its credential version is already out of date.
     *
     * @return the new registry key, or empty when the session must end instead
     */
    @Transactional
    public Optional<String> register(UserId userId, int credentialVersion, ClientInfo client) {
        if (!repository.credentialVersion(userId).map(v -> v == credentialVersion).orElse(false)) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        repository.insert(key, userId, clock.instant(), client);
        return Optional.of(key);
    }

    /**
     * Whether a registered session may go on: the account's credentials have not changed since it signed in and
     * nobody ended it. Asked on every request, so it is one statement and no transaction: a single SELECT reads
     * one consistent snapshot by itself, and a transaction around it would cost the database five more statements
     * (read-only and autocommit switched on and off, commit).
     *
     * @return when the registry last recorded activity of the session, or empty when it must end
     */
    public Optional<Instant> continueSession(UserId userId, int credentialVersion, String key) {
        return repository.state(userId, key)
                .filter(state -> state.credentialVersion() == credentialVersion && state.sessionFound()
                        && state.endedAt() == null)
                .map(SessionState::lastSeenAt);
    }

    /**
     * Records user activity of a session as "last active", at most once per {@link #TOUCH_INTERVAL}; Vaadin's
     * heartbeat is not activity (see {@link SessionValidationFilter}). Asked after every request: when nothing is
     * due it touches no connection, and the touch itself is one UPDATE, which needs no transaction around it.
     *
     * @param lastRecorded what {@link #continueSession} returned for this request
     */
    public void recordActivity(String key, Instant lastRecorded, ClientInfo client) {
        Instant now = clock.instant();
        if (lastRecorded.isBefore(now.minus(TOUCH_INTERVAL))) {
            repository.touch(key, now, client);
        }
    }

    /**
     * The user's sessions that have not ended and were active within the idle timeout, most recent first. One
     * SELECT, so no transaction around it (docs/design-decisions/DD-single-select-reads.md).
     */
    public List<ActiveSession> active(UserId userId) {
        // A minute of slack: last activity is only written once a minute.
        return repository.active(userId, clock.instant().minus(limits.idle()).minus(TOUCH_INTERVAL));
    }

    /** Ends every session of the user but {@code keptKey}; they are refused on their next request. */
    @Transactional
    public int endOthers(UserId userId, String keptKey) {
        return repository.endAllExcept(userId, keptKey, clock.instant());
    }

    /**
     * After a change of what proves the account (2FA turned on, a new email address): raises the credential
     * version, so that every session signed in with the old one is refused on every instance, also one that is
     * signing in right now and not registered yet, and marks them ended for the list. The session
     * {@code keptKey} goes on once it carries the new version (see {@link CurrentSession#renew}).
     *
     * @param keptKey the registry key of the session that made the change, or null to end them all
     * @return the new credential version
     */
    @Transactional
    public int endOthersAfterCredentialChange(UserId userId, String keptKey) {
        int version = repository.raiseCredentialVersion(userId);
        repository.endAllExcept(userId, keptKey == null ? "" : keptKey, clock.instant());
        return version;
    }

    /** The account's current credential version. */
    @Transactional(readOnly = true)
    public int credentialVersion(UserId userId) {
        return repository.credentialVersion(userId).orElseThrow(() -> new IllegalStateException("No such account"));
    }

    /**
     * Marks every session of the user ended, for the list; the credential version, raised in the same
     * transaction by the caller, is what actually refuses them.
     */
    @Transactional
    public int endAll(UserId userId) {
        return repository.endAll(userId, clock.instant());
    }

    /**
     * Ends one session of the user, wherever it runs: its next request is refused (see
     * {@link SessionValidationFilter}). A key of another user's session changes nothing.
     *
     * @return whether a running session of the user was ended
     */
    @Transactional
    public boolean endOne(UserId userId, String key) {
        return key != null && repository.endOwned(userId, key, clock.instant());
    }

    /** A session signed out or timed out. */
    @Transactional
    public void end(String key) {
        repository.end(key, clock.instant());
    }

    @Transactional
    public int purgeInactive() {
        return repository.deleteInactiveSince(clock.instant().minus(KEEP_ENDED));
    }
}
