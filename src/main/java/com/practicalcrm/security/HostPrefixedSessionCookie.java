package com.practicalcrm.security;

import org.springframework.boot.web.servlet.ServletContextInitializer;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;

/**
 * With {@code server.servlet.session.cookie.secure=true} (HTTPS) the session cookie gets the {@code __Host-}
 * prefix, e.g. {@code __Host-JSESSIONID}: browsers then accept it only when it is {@code Secure}, has
 * {@code Path=/} and no {@code Domain}, so neither a sibling subdomain nor a plain-http page can plant or
 * overwrite it. {@code HttpOnly} and {@code SameSite=Lax} come from application.properties. Runs after Spring
 * Boot has applied the {@code server.servlet.session.cookie.*} settings; without {@code secure} (plain-http
 * development) the name stays as it is, since browsers refuse prefixed cookies that are not {@code Secure}.
 */
final class HostPrefixedSessionCookie implements ServletContextInitializer {

    static final String PREFIX = "__Host-";
    private static final String DEFAULT_NAME = "JSESSIONID";

    @Override
    public void onStartup(ServletContext servletContext) {
        SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
        if (!cookie.isSecure()) {
            return;
        }
        if (cookie.getDomain() != null && !cookie.getDomain().isEmpty()) {
            throw new IllegalStateException("server.servlet.session.cookie.domain must not be set together with "
                    + "server.servlet.session.cookie.secure=true: the session cookie uses the __Host- prefix, "
                    + "which forbids a Domain attribute");
        }
        String name = cookie.getName() == null || cookie.getName().isEmpty() ? DEFAULT_NAME : cookie.getName();
        if (!name.startsWith(PREFIX)) {
            cookie.setName(PREFIX + name);
        }
        cookie.setPath("/");
    }
}
