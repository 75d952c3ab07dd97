package com.practicalcrm.common.ui;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

/** One-time messages left in the HTTP session by filters and handlers (e.g. why sign-in failed) for a view. */
public final class SessionAttributes {

    private SessionAttributes() {
    }

    /** Reads and removes the attribute; null outside a Vaadin request or when absent. */
    public static Object take(String name) {
        VaadinSession session = VaadinSession.getCurrent();
        WrappedSession http = session == null ? null : session.getSession();
        if (http == null) {
            return null;
        }
        Object value = http.getAttribute(name);
        http.removeAttribute(name);
        return value;
    }
}
