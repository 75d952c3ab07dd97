package com.practicalcrm.avatar;

import java.util.Locale;
import java.util.Optional;

import com.practicalcrm.common.UserId;

/** The URL scheme of served pictures: {@code /avatars/{userId}/{version}/{large|small}}. */
public final class AvatarPaths {

    public static final String PREFIX = "/avatars/";

    private AvatarPaths() {
    }

    static String url(UserId userId, long version, AvatarSize size) {
        // Relative to the page, so that it works under any context path.
        return PREFIX.substring(1) + userId.value() + "/" + version + "/" + size.name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AvatarSize> size(String pathSegment) {
        for (AvatarSize size : AvatarSize.values()) {
            if (size.name().toLowerCase(Locale.ROOT).equals(pathSegment)) {
                return Optional.of(size);
            }
        }
        return Optional.empty();
    }
}
