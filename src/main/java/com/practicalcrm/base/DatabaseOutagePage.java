package com.practicalcrm.base;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;


import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.practicalcrm.common.LogSafe;

/**
 * While the database is down, checks that run before any view (the session registry, the per-user 2FA rule)
 * fail first. Their requests get this short, friendly page with 503 instead of a framework error page; the next
 * request after the database is back works again, as the connection pool reconnects by itself.
 */
@Component
// Just inside the security-headers filter (highest precedence), whose response survives the reset() below.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutagePage extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutagePage.class);

    static final String PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Temporarily unavailable · PracticalCRM</title></head>
            <body style="font-family:sans-serif;max-width:36em;margin:4em auto;padding:0 1em;line-height:1.5">
            <h1>PracticalCRM is temporarily unavailable</h1>
            <p>We cannot reach our database right now. Your data is safe; please try again in a minute.</p>
            <p><a href="">Try again</a></p></body></html>
            """;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseProblems.isDatabaseProblem(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable while serving {}: {}", LogSafe.escape(request.getRequestURI()),
                    LogSafe.escape(e.getMessage()));
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "30");
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
    }
}
