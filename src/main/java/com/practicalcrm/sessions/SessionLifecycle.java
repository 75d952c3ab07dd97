package com.practicalcrm.sessions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.practicalcrm.common.LogSafe;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Keeps the registry close to the truth: a session that signs out or times out on this instance is marked
 * ended at once, and old rows are deleted daily (a crashed instance's sessions simply stop being "active"
 * when their last activity passes the idle timeout).
 */
@Component
class SessionLifecycle implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(SessionLifecycle.class);

    private final UserSessions sessions;

    SessionLifecycle(UserSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (event.getSession().getAttribute(UserSessions.KEY_ATTRIBUTE) instanceof String key) {
            try {
                sessions.end(key);
            } catch (RuntimeException e) {
                // The row then just ages out of the list after the idle timeout.
                log.warn("Could not mark a session as ended: {}", LogSafe.escape(e.getMessage()));
            }
        }
    }

    @Scheduled(cron = "${practicalcrm.sessions.purge-cron:0 23 3 * * *}")
    void purge() {
        sessions.purgeInactive();
    }
}
