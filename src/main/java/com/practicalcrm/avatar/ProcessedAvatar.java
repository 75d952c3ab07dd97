package com.practicalcrm.avatar;

import java.util.EnumSet;
import java.util.Map;

/**
 * A re-encoded avatar in every {@link AvatarSize}, all in the same format. Nothing of the upload survives
 * except its pixels: no metadata, no trailing data.
 *
 * @param contentType "image/png" when the picture has transparent pixels, otherwise "image/jpeg"
 */
public record ProcessedAvatar(String contentType, Map<AvatarSize, Image> images) {

    /**
     * One encoded square. {@code side} is smaller than the requested size when the upload was smaller:
     * pictures are never scaled up, the browser can do that as well as we could, without the larger file.
     */
    public record Image(int side, byte[] bytes) {
    }

    public ProcessedAvatar {
        if (!images.keySet().equals(EnumSet.allOf(AvatarSize.class))) {
            throw new IllegalArgumentException("An image for every size is required, got " + images.keySet());
        }
        images = Map.copyOf(images);
    }

    public Image image(AvatarSize size) {
        return images.get(size);
    }
}
