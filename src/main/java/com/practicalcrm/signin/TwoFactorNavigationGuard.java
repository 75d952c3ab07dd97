package com.practicalcrm.signin;

import org.springframework.dao.DataAccessException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.practicalcrm.twofactor.SecondFactorPolicy;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.NavigationAccessControl;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Vaadin's own access control only asks whether someone is signed in, and in-app navigation never meets
 * Spring's URL rules. This guard sends a user who still owes the second factor to the code page from every
 * route but sign-in and the code page itself, remembering the target so step two returns there. It uses the
 * same {@link SecondFactorPolicy} as the HTTP rules.
 */
@Component
class TwoFactorNavigationGuard implements VaadinServiceInitListener {

    private final SecondFactorPolicy policy;

    TwoFactorNavigationGuard(SecondFactorPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        boolean missing;
        try {
            missing = policy.isSecondFactorMissing(SecurityContextHolder.getContext().getAuthentication());
        } catch (DataAccessException unavailable) {
            // Closed, not open: without the database nobody passes; the error view explains the outage.
            event.rerouteToError(unavailable, "The database is not reachable");
            return;
        }
        if (missing) {
            if (target != LoginView.class && target != TwoFactorCodeView.class) {
                rememberTarget(event);
                event.forwardTo(TwoFactorCodeView.class);
            }
            return;
        }
        showNoticeFromSignIn(event.getUI());
    }

    /** As Vaadin's access control does for the sign-in page, so the success handler returns there. */
    private static void rememberTarget(BeforeEnterEvent event) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getWrappedSession(false) == null) {
            return;
        }
        String path = event.getLocation().getPathWithQueryParameters();
        WrappedSession session = request.getWrappedSession();
        session.setAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT, path);
        if (request instanceof VaadinServletRequest servletRequest) {
            HttpServletRequest http = servletRequest.getHttpServletRequest();
            String origin = http.getScheme() + "://" + http.getServerName() + ":" + http.getServerPort();
            session.setAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE,
                    origin + http.getContextPath() + "/" + path);
        }
    }

    private static void showNoticeFromSignIn(UI ui) {
        VaadinRequest request = VaadinRequest.getCurrent();
        WrappedSession session = request == null ? null : request.getWrappedSession(false);
        if (session != null && session.getAttribute(TwoFactorSignInHandlers.NOTICE_ATTRIBUTE) instanceof String notice) {
            session.removeAttribute(TwoFactorSignInHandlers.NOTICE_ATTRIBUTE);
            Notification notification = new Notification(notice, 10_000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(NotificationVariant.INFO);
            ui.add(notification);
            notification.open();
        }
    }
}
