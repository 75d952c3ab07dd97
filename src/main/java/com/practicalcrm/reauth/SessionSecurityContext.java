package com.practicalcrm.reauth;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.vaadin.flow.server.VaadinSession;

import jakarta.servlet.http.HttpSession;

/**
 * Keeps a changed security context for the next requests of this session: where Spring's
 * {@link HttpSessionSecurityContextRepository} reads it. Works from a Vaadin request (UI event) and from a plain
 * HTTP request (e.g. a passkey assertion endpoint).
 */
final class SessionSecurityContext {

    private SessionSecurityContext() {
    }

    static void save(SecurityContext context) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpSession session = servlet.getRequest().getSession(false);
            if (session != null) {
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
                return;
            }
        }
        VaadinSession vaadin = VaadinSession.getCurrent();
        if (vaadin != null && vaadin.getSession() != null) {
            vaadin.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                    context);
        }
    }
}
