package com.practicalcrm.security.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the activity to the last 90 days. Every instance runs it; the delete is idempotent, so running it on
 * several instances at once only repeats work.
 */
@Component
class SecurityEventPurge {

    private static final Logger log = LoggerFactory.getLogger(SecurityEventPurge.class);

    private final SecurityEventService events;

    SecurityEventPurge(SecurityEventService events) {
        this.events = events;
    }

    @Scheduled(cron = "${practicalcrm.security-events.purge-cron:0 17 3 * * *}")
    void purge() {
        int deleted = events.purgeExpired();
        if (deleted > 0) {
            log.info("Deleted {} security events older than {} days", deleted,
                    SecurityEventService.RETENTION.toDays());
        }
    }
}
