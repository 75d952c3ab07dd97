package com.practicalcrm.avatar;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Encodes the JPEG avatar squares with libjpeg-turbo (the SIMD code libvips uses too), with the choices ImageIO's
 * writer makes: the same quantisation tables for the same quality, 4:2:0 chroma, baseline, standard Huffman tables,
 * JFIF and no other metadata. Implemented by {@code TurboJpeg} (Java 22, see {@link ScaledJpegDecoder}); without
 * it, ImageIO encodes, as before.
 */
interface JpegEncoder {

    /**
     * @param rgb     an opaque picture
     * @param quality 1-100, libjpeg's scale (ImageIO's 0.85 is 85)
     * @return the JPEG; empty when the library reports an error (ImageIO then encodes)
     */
    Optional<byte[]> encode(BufferedImage rgb, int quality);

    /** The encoder of this machine: the library that decodes JPEGs, when it is there. */
    static Optional<JpegEncoder> onThisMachine() {
        return ScaledJpegDecoder.onThisMachine().filter(JpegEncoder.class::isInstance).map(JpegEncoder.class::cast);
    }
}
