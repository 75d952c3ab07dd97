package com.practicalcrm.sessions;

import java.time.Instant;

/**
 * What the request filter needs to know about a session: the account's current credential version and the
 * registry row of the session, if there is one.
 *
 * @param sessionFound false when the key has no row (never registered, or purged)
 */
public record SessionState(int credentialVersion, boolean sessionFound, Instant endedAt, Instant lastSeenAt) {
}
