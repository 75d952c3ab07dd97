package com.practicalcrm.security.throttle;

import java.time.Instant;

/** Consecutive failures of one subject in one scope, and when the last one happened. */
public record ThrottleState(int failures, Instant lastFailureAt) {
}
