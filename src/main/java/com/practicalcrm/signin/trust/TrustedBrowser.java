package com.practicalcrm.signin.trust;

import java.time.Instant;

import com.practicalcrm.common.ClientInfo;

/**
 * A browser on which the code step is skipped until {@code expiresAt}, as the profile lists it.
 *
 * @param id     to remove it (never the cookie's value, which only the browser knows)
 * @param client browser and address when it was added
 */
public record TrustedBrowser(long id, ClientInfo client, Instant addedAt, Instant lastUsedAt, Instant expiresAt) {
}
