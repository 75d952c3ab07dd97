package com.practicalcrm.avatar.ui;

import java.util.Optional;

import com.practicalcrm.account.UserProfile;
import com.practicalcrm.avatar.AvatarSize;
import com.practicalcrm.avatar.StoredAvatar;
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

    /** @param size the stored size to load: SMALL for the header, LARGE for the profile page */
    public static Avatar of(UserProfile profile, Optional<StoredAvatar> picture, AvatarSize size) {
        Avatar avatar = of(profile);
        show(avatar, picture, size);
        return avatar;
    }

    /** Shows the picture, or the initials again when there is none. */
    public static void show(Avatar avatar, Optional<StoredAvatar> picture, AvatarSize size) {
        avatar.setImage(picture.map(p -> p.url(size)).orElse(null));
    }
}
