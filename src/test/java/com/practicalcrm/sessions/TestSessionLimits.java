package com.practicalcrm.sessions;

import java.time.Duration;

/**
 * Shorter session limits for a test (real time in a browser cannot be moved forward like the server's clock),
 * without a second Spring context; every test that shortens them restores them afterwards.
 */
public final class TestSessionLimits {

    private TestSessionLimits() {
    }

    public static void shorten(SessionLimits limits, Duration idle, Duration warning) {
        limits.set(idle, limits.lifetime(), warning);
    }

    public static void restore(SessionLimits limits) {
        limits.restore();
    }
}
