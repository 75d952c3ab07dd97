package com.practicalcrm.avatar.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Fired on the UI after the user saved a new picture or removed it, so that what shows the avatar outside the
 * current view (the header) can update at once. The save happens in the same UI, so no push is needed.
 */
public final class ProfilePictureChanged extends ComponentEvent<UI> {

    public ProfilePictureChanged(UI ui) {
        super(ui, false);
    }

    public static void fire(UI ui) {
        ComponentUtil.fireEvent(ui, new ProfilePictureChanged(ui));
    }

    public static Registration listen(UI ui, Runnable listener) {
        return ComponentUtil.addListener(ui, ProfilePictureChanged.class, event -> listener.run());
    }
}
