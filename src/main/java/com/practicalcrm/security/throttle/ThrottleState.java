package com.practicalcrm.security.throttle;

import java.time.Instant;

/**
 * The failures of one subject in one scope. {@code at} is the last failure under the per-account rule, and
 * the start of the current 15-minute window under the per-address rule (both in column
 * {@code auth_throttle.last_failure_at}).
 */
public record ThrottleState(int failures, Instant at) {
}
