package com.practicalcrm.base;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;


import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.practicalcrm.common.LogSafe;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

/**
 * While the database is down, checks that run before any view (the session registry, the per-user 2FA rule)
 * fail first. Their requests get this short, friendly page with 503 instead of a framework error page; the next
 * request after the database is back works again. For that, the first failure also retires every connection the
 * pool holds: Hikari does not check a connection used in the last 500 ms before handing it out again, so after a
 * quick database restart a connection opened before it would otherwise fail one more request.
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

    private final ObjectProvider<DataSource> dataSource;

    DatabaseOutagePage(ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

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
            retireConnections();
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "30");
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Idle connections are closed now, those in use when they come back; new ones are opened as needed. */
    private void retireConnections() {
        DataSource source = dataSource.getIfAvailable();
        try {
            if (source != null && source.isWrapperFor(HikariDataSource.class)) {
                HikariPoolMXBean pool = source.unwrap(HikariDataSource.class).getHikariPoolMXBean();
                if (pool != null) {
                    pool.softEvictConnections();
                }
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not retire the pool's connections", e);
        }
    }
}
