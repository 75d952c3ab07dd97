package com.practicalcrm.base.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.practicalcrm.base.DatabaseProblems;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Errors in button clicks and other events: a short notification for the person, the details in the log.
 */
@Component
class ErrorHandlerInstaller implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandlerInstaller.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    private void handle(ErrorEvent event) {
        log.error("Unexpected error in the UI", event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        String text = DatabaseProblems.isDatabaseProblem(event.getThrowable())
                ? "We cannot reach our database right now. Nothing was changed; please try again in a minute."
                : "Something went wrong and nothing was changed. Please try again.";
        Notification notification = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.ERROR);
    }
}
