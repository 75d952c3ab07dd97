package com.practicalcrm.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The browser-side protection headers of docs/security-rules.md, written in one place for every response: Vaadin's pages
 * and internal requests, static resources, the actuator, error pages (this filter also runs on ERROR
 * dispatches) and the 503 page of a database outage (written by an inner filter after {@code reset()}, which
 * this filter's response wrapper survives). Spring Security's own writers for these headers are switched off
 * in {@link SecurityConfig}, so no header is written twice.
 *
 * <p>The Content-Security-Policy is as strict as Vaadin Flow allows (README, "Browser-side protection"). Flow's
 * client engine turns the JavaScript the server sends ({@code executeJs}, event data expressions) into functions
 * with {@code new Function}, hence {@code 'unsafe-eval'}; Vaadin's components inject {@code <style>} elements at
 * run time, hence {@code style-src 'unsafe-inline'}. Flow's bootstrap page also starts with a few inline scripts:
 * rather than {@code 'unsafe-inline'}, that page's policy lists their SHA-256 hashes
 * ({@link BootstrapScriptHashes}), so no other inline script runs. Everything else comes from the app's own
 * origin; fonts (Lumo's, measured) and images (icons in Lumo's styles) may also be {@code data:} URLs.
 */
final class SecurityHeadersFilter implements Filter {

    /** The policy of every response; Vaadin's bootstrap pages add the hashes of their inline scripts. */
    static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy(List.of());

    /** @param inlineScriptHashes e.g. {@code 'sha256-…'}: the inline scripts that the page may run */
    static String contentSecurityPolicy(List<String> inlineScriptHashes) {
        StringBuilder scripts = new StringBuilder("script-src 'self' 'unsafe-eval'");
        inlineScriptHashes.forEach(hash -> scripts.append(' ').append(hash));
        return String.join("; ",
                "default-src 'self'",
                scripts,
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    /**
     * Powerful features the app never uses. Not listed on purpose: {@code publickey-credentials-get/-create}
     * (passkeys) and {@code clipboard-write} (copying the secret key and recovery codes).
     */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    static final String HSTS = "max-age=31536000; includeSubDomains";

    /** Pages whose URL carries a secret token: the browser must not pass the URL on as a Referer. */
    private final List<String> tokenPathPrefixes;

    /** @param tokenPathPrefixes paths below the context path, e.g. "/reset-password/" and "/confirm-email" */
    SecurityHeadersFilter(List<String> tokenPathPrefixes) {
        this.tokenPathPrefixes = List.copyOf(tokenPathPrefixes);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        boolean tokenInUrl = carriesToken(request);
        // request.isSecure() is true for HTTPS, directly or as reported by a trusted proxy (Tomcat's RemoteIpValve
        // with server.forward-headers-strategy=native); X-Forwarded-Proto from anyone else is ignored by Tomcat.
        boolean https = request.isSecure();
        apply(response, tokenInUrl, https);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void reset() {
                super.reset();
                apply(response, tokenInUrl, https);
            }
        });
    }

    private boolean carriesToken(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return tokenPathPrefixes.stream().anyMatch(path::startsWith);
    }

    private static void apply(HttpServletResponse response, boolean tokenInUrl, boolean https) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", tokenInUrl ? "no-referrer" : "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        if (https) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }
}
