package com.practicalcrm.base.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.practicalcrm.base.DatabaseProblems;
import com.practicalcrm.common.LogSafe;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown instead of a stack trace when a view cannot be built: a friendly message, details only in the log. When
 * the database comes back, the next attempt simply works (the connection pool reconnects by itself).
 */
@PageTitle("Something went wrong · PracticalCRM")
@AnonymousAllowed
public class ErrorView extends Main implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    static final String TITLE = "Something went wrong";
    static final String UNAVAILABLE_TITLE = "PracticalCRM is temporarily unavailable";

    final H1 title = new H1();
    final Paragraph message = new Paragraph();

    public ErrorView() {
        addClassName("error-page");
        add(title, message, new Anchor("", "Try again"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Throwable cause = parameter.getCaughtException();
        log.error("Could not show {}", LogSafe.escape(event.getLocation().getPath()), cause);
        if (DatabaseProblems.isDatabaseProblem(cause)) {
            title.setText(UNAVAILABLE_TITLE);
            message.setText("We cannot reach our database right now. Your data is safe; please try again in a "
                    + "minute.");
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        title.setText(TITLE);
        message.setText("We could not show this page. Please try again; if it keeps happening, contact your "
                + "administrator.");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

}
