package com.practicalcrm.avatar;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * How avatars are re-encoded. Writing without metadata is what strips EXIF, GPS, comments and profiles: only
 * pixels go in. Streams stay in memory; ImageIO's default file cache would write uploads to the temp directory.
 */
enum OutputFormat {
    JPEG("image/jpeg", "jpeg"),
    PNG("image/png", "png");

    private static final float JPEG_QUALITY = 0.85f;
    /** The same on libjpeg's 1-100 scale, which ImageIO's writer maps 0.85 to (the same quantisation tables). */
    static final int JPEG_QUALITY_PERCENT = Math.round(JPEG_QUALITY * 100);

    private final String contentType;
    private final String imageIoName;

    OutputFormat(String contentType, String imageIoName) {
        this.contentType = contentType;
        this.imageIoName = imageIoName;
    }

    /** PNG for pictures with transparent pixels, which the upright square keeps as TYPE_INT_ARGB; else JPEG. */
    static OutputFormat suitedTo(BufferedImage uprightSquare) {
        return uprightSquare.getType() == BufferedImage.TYPE_INT_ARGB ? PNG : JPEG;
    }

    String contentType() {
        return contentType;
    }

    /**
     * JPEGs by libjpeg-turbo when given (about a third of ImageIO's time for an avatar, with the same settings:
     * see {@link JpegEncoder}), and by ImageIO when not or when it fails; PNGs by ImageIO.
     */
    byte[] encode(BufferedImage image, Optional<JpegEncoder> turbo) {
        if (this == JPEG && turbo.isPresent()) {
            Optional<byte[]> encoded = turbo.get().encode(image, JPEG_QUALITY_PERCENT);
            if (encoded.isPresent()) {
                return encoded.get();
            }
        }
        return encode(image);
    }

    /** @param image TYPE_INT_RGB for JPEG (ImageIO cannot write JPEG with alpha), TYPE_INT_ARGB for PNG */
    byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(imageIoName).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (this == JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + this + " to memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
