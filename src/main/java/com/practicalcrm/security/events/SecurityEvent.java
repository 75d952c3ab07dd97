package com.practicalcrm.security.events;

import java.time.Instant;

import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.UserId;

public record SecurityEvent(UserId userId, SecurityEventType type, Instant occurredAt, ClientInfo client) {
}
