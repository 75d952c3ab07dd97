package com.practicalcrm.sessions;

import java.time.Instant;

import com.practicalcrm.common.ClientInfo;

/**
 * A signed-in session of a user, on any app instance.
 *
 * @param key        the registry key (not the HTTP session id), to tell the viewer's own session apart
 * @param lastSeenAt updated at most once a minute, see {@link UserSessions#TOUCH_INTERVAL}
 */
public record ActiveSession(String key, ClientInfo client, Instant signedInAt, Instant lastSeenAt) {
}
