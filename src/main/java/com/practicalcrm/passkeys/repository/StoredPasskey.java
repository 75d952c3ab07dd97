package com.practicalcrm.passkeys.repository;

import java.time.Instant;

/** A row of the profile's passkey list, as stored (the AAGUID not yet turned into a provider name). */
public record StoredPasskey(String credentialId, String label, String aaguid, boolean backupEligible,
                            boolean backupState, Instant createdAt, Instant lastUsedAt) {
}
