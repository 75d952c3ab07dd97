package com.practicalcrm.sessions;

/** Why {@link SessionValidationFilter} ended a session; left in the fresh session for the sign-in page. */
public enum SessionEndReason {
    /** The password was changed (reset) or the session was signed out from another session. */
    ENDED_ELSEWHERE,
    /**
     * The account now needs a factor this session never proved (2FA was turned on elsewhere); see
     * {@link SessionValidationFilter}.
     */
    FACTOR_REQUIRED,
    /** No user activity for {@link SessionLimits#idle()}. */
    IDLE,
    /** Signed in for {@link SessionLimits#lifetime()}. */
    LIFETIME
}
