package com.practicalcrm.avatar;

import com.practicalcrm.common.UserId;

/** A user's current picture, as much as is needed to point to it. */
public record StoredAvatar(UserId userId, long version) {

    /**
     * Where the browser loads the picture from. The version is part of the path, so a new picture gets a new URL
     * and the old one can be cached for good.
     */
    public String url(AvatarSize size) {
        return AvatarPaths.url(userId, version, size);
    }
}
