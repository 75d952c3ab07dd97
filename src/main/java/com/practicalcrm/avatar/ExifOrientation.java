package com.practicalcrm.avatar;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The eight EXIF orientations (TIFF tag 274): how the stored pixels must be turned or mirrored to be seen upright.
 * Each is a symmetry of the square, so a centred square crop of the stored picture is also the centred square
 * of the upright one, and cropping can come first.
 */
enum ExifOrientation {
    // Matrix of the affine transform (m00, m10, m01, m11) and its translation in units of the square's side.
    NORMAL(1, 1, 0, 0, 1, 0, 0),
    MIRROR_HORIZONTAL(2, -1, 0, 0, 1, 1, 0),
    ROTATE_180(3, -1, 0, 0, -1, 1, 1),
    MIRROR_VERTICAL(4, 1, 0, 0, -1, 0, 1),
    TRANSPOSE(5, 0, 1, 1, 0, 0, 0),
    ROTATE_90_CLOCKWISE(6, 0, 1, -1, 0, 1, 0),
    TRANSVERSE(7, 0, -1, -1, 0, 1, 1),
    ROTATE_270_CLOCKWISE(8, 0, -1, 1, 0, 0, 1);

    private final int tagValue;
    private final int m00;
    private final int m10;
    private final int m01;
    private final int m11;
    private final int translateX;
    private final int translateY;

    ExifOrientation(int tagValue, int m00, int m10, int m01, int m11, int translateX, int translateY) {
        this.tagValue = tagValue;
        this.m00 = m00;
        this.m10 = m10;
        this.m01 = m01;
        this.m11 = m11;
        this.translateX = translateX;
        this.translateY = translateY;
    }

    /** Values outside 1..8 occur in the wild; like browsers, we then show the picture as stored. */
    static ExifOrientation ofTagValue(int value) {
        for (ExifOrientation orientation : values()) {
            if (orientation.tagValue == value) {
                return orientation;
            }
        }
        return NORMAL;
    }

    /**
     * Draws a square picture upright into a new image of the given type; drawing is also what converts any
     * decoded layout (CMYK-converted, 16-bit, palette, grey) into plain 8-bit RGB or ARGB.
     */
    BufferedImage drawUpright(BufferedImage square, int imageType) {
        int side = square.getWidth();
        BufferedImage upright = new BufferedImage(side, side, imageType);
        Graphics2D graphics = upright.createGraphics();
        try {
            graphics.setComposite(AlphaComposite.Src);
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                    RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            graphics.drawImage(square,
                    new AffineTransform(m00, m10, m01, m11, translateX * side, translateY * side), null);
        } finally {
            graphics.dispose();
        }
        return upright;
    }
}
