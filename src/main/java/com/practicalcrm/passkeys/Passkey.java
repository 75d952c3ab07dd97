package com.practicalcrm.passkeys;

import java.time.Instant;

/**
 * A passkey as the profile lists it.
 *
 * @param id         Base64url credential id (what rename and remove take)
 * @param name       the name the user gave it
 * @param provider   where it is kept: the provider's name for known authenticators, else "Security key"
 * @param synced     whether it is backed up and synced across devices (backup state), rather than bound to one
 * @param lastUsedAt null until first used to sign in or confirm
 */
public record Passkey(String id, String name, String provider, boolean synced, Instant createdAt,
                      Instant lastUsedAt) {
}
