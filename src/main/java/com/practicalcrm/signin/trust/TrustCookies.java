package com.practicalcrm.signin.trust;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The two long-lived cookies of sign-in: the remembered-browser token and the device id of new-sign-in alerts.
 * Both are random, {@code HttpOnly}, {@code SameSite=Lax}, {@code Path=/}; over HTTPS also {@code Secure} and
 * {@code __Host-} prefixed, so neither a sibling subdomain nor a plain-http page can set them.
 */
enum TrustCookies {

    TRUSTED_BROWSER("practicalcrm-trusted-browser", TrustedBrowsers.LIFETIME),
    DEVICE("practicalcrm-device", NewSignInAlerts.DEVICE_COOKIE_LIFETIME);

    private final String name;
    private final Duration lifetime;

    TrustCookies(String name, Duration lifetime) {
        this.name = name;
        this.lifetime = lifetime;
    }

    /** The cookie's name as this request sees it: {@code __Host-} prefixed over HTTPS. */
    String name(HttpServletRequest request) {
        return request.isSecure() ? "__Host-" + name : name;
    }

    Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        String wanted = name(request);
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(wanted)) {
                return Optional.ofNullable(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    void write(HttpServletRequest request, HttpServletResponse response, String value) {
        Cookie cookie = new Cookie(name(request), value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) lifetime.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = new Cookie(name(request), "");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(0);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
