package com.practicalcrm.security.events;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.UserId;
import com.practicalcrm.security.events.repository.SecurityEventRepository;

/** Records security events in the database (and the log, without secrets). */
@Service
public class SecurityEventService {

    private static final Logger log = LoggerFactory.getLogger(SecurityEventService.class);

    private final SecurityEventRepository repository;
    private final Clock clock;

    public SecurityEventService(SecurityEventRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    // Joins the caller's transaction: an event row references its user, which may be inserted in that same
    // transaction (a separate one would wait on the new row's lock).
    @Transactional
    public void record(UserId userId, SecurityEventType type, ClientInfo client) {
        repository.insert(new SecurityEvent(userId, type, clock.instant(), client));
        log.info("security event {} for user {} from {}", type, userId, client.address());
    }

    @Transactional(readOnly = true)
    public List<SecurityEvent> latest(UserId userId, int limit) {
        return repository.latest(userId, limit);
    }
}
