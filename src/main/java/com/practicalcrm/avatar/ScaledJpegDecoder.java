package com.practicalcrm.avatar;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a JPEG at 1/2, 1/4 or 1/8 of its size in the decoder itself (DCT scaling, "shrink-on-load" as libvips
 * calls it): for a 12-megapixel photo only an eighth of the inverse DCT and colour conversion is done, and the
 * result is filtered, not point-sampled. ImageIO's JPEG readers cannot do this (source subsampling still decodes
 * every pixel). The implementation, {@code TurboJpeg}, calls libjpeg-turbo's TurboJPEG library through the FFM
 * API; it is compiled for Java 22 from {@code src/main/java22} and only loaded there. Without Java 22 or without
 * the library, ImageIO decodes every JPEG, as before (see docs/design-decisions/DD-jpeg-shrink-on-load.md).
 */
interface ScaledJpegDecoder {

    /** Debian's name (package {@code libturbojpeg0}), then the platform's usual one. */
    List<String> LIBRARY_NAMES = List.of("libturbojpeg.so.0", System.mapLibraryName("turbojpeg"));

    /** Refuses a picture by its dimensions (pixel floods), by throwing {@link AvatarRejectedException}. */
    @FunctionalInterface
    interface DimensionCheck {
        void check(int width, int height);
    }

    /**
     * Reads the header, lets {@code check} refuse the dimensions before any pixel is decoded, then decodes the
     * whole picture at the smallest of 1/1, 1/2, 1/4, 1/8 whose shorter side is still at least {@code minSide}
     * and returns its centred square.
     *
     * @return the square as TYPE_INT_RGB; empty when this decoder leaves the file to ImageIO: CMYK and YCCK
     *         pictures, and any file libjpeg-turbo reports an error or even a warning for (ImageIO then accepts
     *         or refuses it exactly as it did without this decoder)
     * @throws AvatarRejectedException from {@code check}
     */
    Optional<BufferedImage> centredSquare(byte[] jpeg, int minSide, DimensionCheck check);

    /** What is used, for the log, e.g. "libjpeg-turbo (libturbojpeg.so.0)". */
    String description();

    /** The decoder of this machine, found once; empty when Java is older than 22 or the library is missing. */
    static Optional<ScaledJpegDecoder> onThisMachine() {
        return OnThisMachine.DECODER;
    }

    /** Loads the binding with the first of {@code libraryNames} that the system can open. */
    static Optional<ScaledJpegDecoder> load(List<String> libraryNames) {
        Logger log = LoggerFactory.getLogger(ScaledJpegDecoder.class);
        if (Runtime.version().feature() < 22) {
            log.info("JPEG avatars are decoded by ImageIO: scaling while decoding needs Java 22 or newer (this is {})",
                    Runtime.version());
            return Optional.empty();
        }
        try {
            ScaledJpegDecoder decoder = (ScaledJpegDecoder) Class.forName(ScaledJpegDecoder.class.getPackageName()
                            + ".TurboJpeg").getDeclaredMethod("load", List.class).invoke(null, libraryNames);
            log.info("JPEG avatars are decoded by {}, scaled while decoding", decoder.description());
            return Optional.of(decoder);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            log.warn("JPEG avatars are decoded by ImageIO, about four times slower: libjpeg-turbo's TurboJPEG "
                    + "library could not be loaded ({}); on Debian and Ubuntu install libturbojpeg0", cause.toString());
            return Optional.empty();
        }
    }

    /** Holder: loads on first use, once per class loader. */
    final class OnThisMachine {
        private static final Optional<ScaledJpegDecoder> DECODER = load(LIBRARY_NAMES);

        private OnThisMachine() {
        }
    }
}
