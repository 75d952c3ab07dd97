package com.practicalcrm.user.ui;

import com.practicalcrm.user.UserProfile;
import com.vaadin.flow.component.avatar.Avatar;

/** The user's picture, or their initials while there is none. */
public final class UserAvatar {

    private UserAvatar() {
    }

    public static Avatar of(UserProfile profile) {
        Avatar avatar = new Avatar(profile.fullName());
        avatar.setAbbreviation(profile.initials());
        avatar.getElement().setAttribute("title", profile.fullName());
        return avatar;
    }
}
