package com.practicalcrm.base.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Without an I18NProvider Vaadin gives every UI the server's default locale; dates and numbers should follow
 * the browser's preferred language instead.
 */
@Component
class BrowserLocale implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            if (request != null && request.getLocale() != null) {
                init.getUI().setLocale(request.getLocale());
            }
        });
    }
}
