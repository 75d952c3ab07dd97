package com.practicalcrm.avatar;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A re-encoded avatar in every {@link AvatarSize}, all in the same format. Nothing of the upload survives
 * except its pixels: no metadata, no trailing data.
 *
 * <p>The largest size is encoded at once, since it is the preview the upload answers with; the smaller ones are
 * made from it on first use or by {@link #completeSmallerSizes()}, which the upload handler calls once its answer
 * is sent, so that work is not between choosing a file and seeing it. Either way the result is the same bytes.
 * Thread-safe: the upload's request thread and the UI may ask for them at the same time; each is made once.
 */
public final class ProcessedAvatar {

    /**
     * One encoded square. {@code side} is smaller than the requested size when the upload was smaller:
     * pictures are never scaled up, the browser can do that as well as we could, without the larger file.
     */
    public record Image(int side, byte[] bytes) {
    }

    private final String contentType;
    /** The preview: never waits for the smaller sizes. */
    private final Image largest;
    /** The smaller sizes once made; guarded by {@code this}. */
    private final Map<AvatarSize, Image> smaller = new EnumMap<>(AvatarSize.class);
    /** Guarded by {@code this}; null once every size is made, which leaves the pixels it holds to the collector. */
    private Supplier<Map<AvatarSize, Image>> smallerSizes;

    /**
     * @param contentType  "image/png" when the picture has transparent pixels, otherwise "image/jpeg"
     * @param largest      the encoded {@link AvatarSize#LARGE} square
     * @param smallerSizes makes every other size, called at most once
     */
    ProcessedAvatar(String contentType, Image largest, Supplier<Map<AvatarSize, Image>> smallerSizes) {
        this.contentType = contentType;
        this.largest = largest;
        this.smallerSizes = smallerSizes;
    }

    /** "image/png" when the picture has transparent pixels, otherwise "image/jpeg". */
    public String contentType() {
        return contentType;
    }

    /** The encoded square of {@code size}, made now if it has not been made yet. */
    public Image image(AvatarSize size) {
        if (size == AvatarSize.LARGE) {
            return largest;
        }
        synchronized (this) {
            completeSmallerSizes();
            return smaller.get(size);
        }
    }

    /** Makes every size not made yet; does nothing the second time. */
    public synchronized void completeSmallerSizes() {
        if (smallerSizes == null) {
            return;
        }
        Map<AvatarSize, Image> made = smallerSizes.get();
        if (!made.keySet().equals(EnumSet.complementOf(EnumSet.of(AvatarSize.LARGE)))) {
            throw new IllegalStateException("An image for every smaller size is required, got " + made.keySet());
        }
        smaller.putAll(made);
        smallerSizes = null;
    }

    /** Whether every size has been made (by {@link #completeSmallerSizes()} or by asking for it). */
    public synchronized boolean allSizesMade() {
        return smallerSizes == null;
    }
}
