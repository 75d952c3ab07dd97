package com.practicalcrm.security.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.LogSafe;
import com.practicalcrm.common.UserId;
import com.practicalcrm.security.events.repository.SecurityEventRepository;

/** Records security events in the database (and the log, without secrets) and announces them. */
@Service
public class SecurityEventService {

    private static final Logger log = LoggerFactory.getLogger(SecurityEventService.class);

    /** How long the user can look back; older events are deleted. */
    public static final Duration RETENTION = Duration.ofDays(90);

    private final SecurityEventRepository repository;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    public SecurityEventService(SecurityEventRepository repository, ApplicationEventPublisher publisher,
                                Clock clock) {
        this.repository = repository;
        this.publisher = publisher;
        this.clock = clock;
    }

    // Joins the caller's transaction: an event row references its user, which may be inserted in that same
    // transaction (a separate one would wait on the new row's lock).
    @Transactional
    public void record(UserId userId, SecurityEventType type, ClientInfo client) {
        record(userId, type, client, Optional.empty());
    }

    /**
     * Records an event whose notification must go to {@code notifyAt} rather than the account's current address
     * (an email change: the old address must hear about it).
     */
    @Transactional
    public void record(UserId userId, SecurityEventType type, ClientInfo client, EmailAddress notifyAt) {
        record(userId, type, client, Optional.of(notifyAt));
    }

    private void record(UserId userId, SecurityEventType type, ClientInfo client, Optional<EmailAddress> notifyAt) {
        SecurityEvent event = new SecurityEvent(userId, type, clock.instant(), client);
        repository.insert(event);
        log.info("security event {} for user {} from {}", type, userId, LogSafe.escape(client.address()));
        publisher.publishEvent(new SecurityEventRecorded(event, notifyAt));
    }

    /** One SELECT, so no transaction around it (docs/design-decisions/DD-single-select-reads.md). */
    public List<SecurityEvent> latest(UserId userId, int limit) {
        return repository.latest(userId, limit);
    }

    /** Deletes events older than {@link #RETENTION}; returns how many. */
    @Transactional
    public int purgeExpired() {
        return repository.deleteOlderThan(clock.instant().minus(RETENTION));
    }
}
