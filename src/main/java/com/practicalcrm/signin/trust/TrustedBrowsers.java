package com.practicalcrm.signin.trust;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.LinkToken;
import com.practicalcrm.common.UserId;
import com.practicalcrm.security.events.SecurityEventRecorded;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.signin.trust.repository.TrustedBrowserRepository;

/**
 * "Remember this browser for 30 days" at the code step. The browser keeps a random token in an HttpOnly cookie
 * ({@link TrustCookies}); only its SHA-256 is stored, bound to the account. On that browser the code step is
 * skipped until the entry expires or is removed; the password is always asked. A password reset, turning 2FA
 * off, "Sign out other sessions" and "This wasn't me" remove every entry of the account.
 */
@Service
public class TrustedBrowsers {

    public static final Duration LIFETIME = Duration.ofDays(30);

    /** Events after which no browser may skip the code step any more. */
    private static final Set<SecurityEventType> REVOKING = Set.of(SecurityEventType.PASSWORD_RESET,
            SecurityEventType.TWO_FACTOR_DISABLED, SecurityEventType.OTHER_SESSIONS_SIGNED_OUT);

    private final TrustedBrowserRepository repository;
    private final SecurityEventService events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TrustedBrowsers(TrustedBrowserRepository repository, SecurityEventService events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** @return the token for the browser's cookie; only its hash is kept */
    @Transactional
    public String remember(UserId userId, ClientInfo client) {
        String token = LinkToken.generate(random);
        Instant now = clock.instant();
        repository.insert(userId, LinkToken.sha256(token), now, now.plus(LIFETIME), client);
        events.record(userId, SecurityEventType.TRUSTED_BROWSER_ADDED, client);
        return token;
    }

    /** Whether the browser holding {@code token} may skip this user's code step now; records the use. */
    @Transactional
    public boolean use(UserId userId, String token) {
        return LinkToken.isWellFormed(token) && repository.use(userId, LinkToken.sha256(token), clock.instant());
    }

    /** One SELECT, so no transaction around it (docs/design-decisions/DD-single-select-reads.md). */
    public List<TrustedBrowser> list(UserId userId) {
        return repository.active(userId, clock.instant());
    }

    /** Removes one of the user's entries (the profile's Remove); that browser is asked for the code again. */
    @Transactional
    public void remove(UserId userId, long id, ClientInfo client) {
        if (repository.delete(userId, id)) {
            events.record(userId, SecurityEventType.TRUSTED_BROWSER_REMOVED, client);
        }
    }

    /** @return how many entries were removed */
    @Transactional
    public int revokeAll(UserId userId) {
        return repository.deleteAll(userId);
    }

    /** Runs in the transaction that records the event, so the removal commits or rolls back with the change. */
    @EventListener
    void onSecurityEvent(SecurityEventRecorded recorded) {
        if (REVOKING.contains(recorded.event().type()) && revokeAll(recorded.event().userId()) > 0) {
            events.record(recorded.event().userId(), SecurityEventType.TRUSTED_BROWSERS_REVOKED,
                    recorded.event().client());
        }
    }

    @Scheduled(cron = "${practicalcrm.trusted-browsers.purge-cron:0 41 3 * * *}")
    @Transactional
    public void deleteExpired() {
        repository.deleteExpired(clock.instant());
    }
}
