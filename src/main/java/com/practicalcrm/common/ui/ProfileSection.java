package com.practicalcrm.common.ui;

import com.practicalcrm.common.UserId;
import com.vaadin.flow.component.Component;

/**
 * A section that a feature adds to the profile page (remembered browsers, your data), so that the profile page
 * lists them without depending on each feature. Implementations are Spring beans; the page asks each for a new
 * component when the browser asks for the sections below the fold, just after the page shows.
 */
public interface ProfileSection {

    /** Where the section goes among the contributed ones: lower first. */
    int order();

    /** A new section for the signed-in user's own profile page. */
    Component create(UserId user);
}
