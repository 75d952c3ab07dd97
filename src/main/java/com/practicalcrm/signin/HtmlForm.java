package com.practicalcrm.signin;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;

/** A plain {@code <form>} that the browser posts itself, past Vaadin, to a Spring Security filter. */
@Tag("form")
final class HtmlForm extends HtmlContainer {

    HtmlForm(String action) {
        getElement().setAttribute("method", "post");
        getElement().setAttribute("action", action);
    }
}
