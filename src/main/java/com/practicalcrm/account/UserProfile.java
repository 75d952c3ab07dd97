package com.practicalcrm.account;

import java.time.Instant;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.UserId;

/** What the profile page shows about a user. */
public record UserProfile(UserId id, String fullName, EmailAddress email, Instant joinedAt) {

    /** Up to two initials for the avatar placeholder. */
    public String initials() {
        String[] parts = fullName.strip().split("\\s+");
        StringBuilder initials = new StringBuilder();
        for (String part : parts) {
            if (!part.isEmpty() && initials.length() < 2) {
                initials.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
            }
        }
        return initials.toString();
    }
}
