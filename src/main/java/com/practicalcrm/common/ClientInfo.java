package com.practicalcrm.common;

/**
 * Where a request came from: the client address and a short browser description, recorded with security events.
 */
public record ClientInfo(String address, String userAgent) {

    public static final ClientInfo UNKNOWN = new ClientInfo(null, null);

    public ClientInfo {
        address = truncate(address, 45);
        userAgent = truncate(userAgent, 255);
    }

    /** "Chrome 126 on Linux", or "Unknown browser". */
    public String browser() {
        return BrowserDescription.describe(userAgent);
    }

    /** The client address, or "unknown address". */
    public String addressOrUnknown() {
        return address == null ? "unknown address" : address;
    }

    private static String truncate(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
