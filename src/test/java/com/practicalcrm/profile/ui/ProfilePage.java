package com.practicalcrm.profile.ui;

import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;

/** What the browser does on the profile page, for browserless tests. */
public final class ProfilePage {

    private ProfilePage() {
    }

    /**
     * The browser's request for the sections below the fold, which the script the profile sends on attach makes
     * it send at once ({@link ProfileView#LATER_SECTIONS_EVENT}).
     */
    public static void browserAsksForLaterSections(ProfileView view) {
        view.getElement().getNode().getFeature(ElementListenerMap.class).fireEvent(new DomEvent(view.getElement(),
                ProfileView.LATER_SECTIONS_EVENT, JacksonUtils.createObjectNode()));
    }
}
