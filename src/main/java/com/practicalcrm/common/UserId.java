package com.practicalcrm.common;

/** Database key of a user account. */
public record UserId(long value) {

    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("User id must be positive");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
