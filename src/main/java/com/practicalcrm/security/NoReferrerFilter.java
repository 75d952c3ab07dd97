package com.practicalcrm.security;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends {@code Referrer-Policy: no-referrer} for pages whose URL carries a secret (the password-reset link), so
 * the browser never passes it on to anything the page loads or links to (OWASP Forgot Password). A plain filter
 * rather than a Spring Security header writer: Vaadin's security configuration manages the headers of its pages.
 */
final class NoReferrerFilter extends OncePerRequestFilter {

    private final String pathPrefix;

    /** @param pathPrefix e.g. "/reset-password/", below the context path */
    NoReferrerFilter(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(pathPrefix)) {
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        chain.doFilter(request, response);
    }
}
