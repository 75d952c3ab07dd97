package com.practicalcrm.avatar;

/**
 * The square sizes every avatar is stored in. Declared largest first: each size is scaled down from the one
 * before it, which is both faster and as sharp as scaling from the full picture.
 */
public enum AvatarSize {
    LARGE(256),
    SMALL(64);

    private final int pixels;

    AvatarSize(int pixels) {
        this.pixels = pixels;
    }

    /** Width and height of the square, in pixels. */
    public int pixels() {
        return pixels;
    }
}
