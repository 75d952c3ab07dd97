package com.practicalcrm.avatar;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.imgscalr.Scalr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an uploaded file into avatar squares of every {@link AvatarSize}: checks size and type from the content,
 * refuses pixel floods before decoding, applies the EXIF orientation of JPEGs, crops the centred square, scales
 * down and re-encodes without any metadata. Stateless and thread-safe.
 */
public final class AvatarImageProcessor {

    /** The upload limit, 2 MiB; also what the upload field should enforce in the browser. */
    public static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(AvatarImageProcessor.class);

    private final Optional<ScaledJpegDecoder> scaledJpeg;
    private final Optional<JpegEncoder> jpegEncoder;

    /**
     * With libjpeg-turbo decoding and encoding JPEGs when this machine has it (see {@link ScaledJpegDecoder},
     * {@link JpegEncoder}), else ImageIO only.
     */
    public AvatarImageProcessor() {
        this(ScaledJpegDecoder.onThisMachine(), JpegEncoder.onThisMachine());
    }

    /** @param scaledJpeg empty: ImageIO decodes every JPEG; JPEG squares are encoded by the same library */
    AvatarImageProcessor(Optional<ScaledJpegDecoder> scaledJpeg) {
        this(scaledJpeg, scaledJpeg.filter(JpegEncoder.class::isInstance).map(JpegEncoder.class::cast));
    }

    /** @param jpegEncoder empty: ImageIO encodes every JPEG square */
    AvatarImageProcessor(Optional<ScaledJpegDecoder> scaledJpeg, Optional<JpegEncoder> jpegEncoder) {
        this.scaledJpeg = scaledJpeg;
        this.jpegEncoder = jpegEncoder;
    }

    /**
     * @param upload the file as uploaded
     * @return the squares, PNG if the picture has transparent pixels, otherwise JPEG; the largest is encoded
     *         now, the others when first asked for or {@link ProcessedAvatar#completeSmallerSizes() completed}
     * @throws AvatarRejectedException with a message for the user, whenever the file cannot be used
     */
    public ProcessedAvatar process(byte[] upload) {
        long started = System.nanoTime();
        BufferedImage upright = uprightSquare(upload);
        long decoded = System.nanoTime();
        OutputFormat output = OutputFormat.suitedTo(upright);
        BufferedImage large = scaledDown(upright, AvatarSize.LARGE);
        ProcessedAvatar.Image largeImage =
                new ProcessedAvatar.Image(large.getWidth(), output.encode(large, jpegEncoder));
        // The benchmark (bench.AvatarPreviewTime) reads this line: keep its wording.
        log.debug("Avatar picture: decoded and turned upright in {} ms (square of {} px), "
                        + "scaled and encoded in {} ms (the preview; the smaller sizes follow after the answer)",
                ProcessingSlots.millis(decoded - started), upright.getWidth(),
                ProcessingSlots.millis(System.nanoTime() - decoded));
        return new ProcessedAvatar(output.contentType(), largeImage, () -> smallerSizes(large, output, jpegEncoder));
    }

    /**
     * Every size after {@link AvatarSize#LARGE}, each scaled down from the one before it, in the same format.
     * Made after the upload's answer is sent (see {@link ProcessedAvatar}); the same pixels in, the same bytes out.
     */
    private static Map<AvatarSize, ProcessedAvatar.Image> smallerSizes(BufferedImage large, OutputFormat output,
                                                                      Optional<JpegEncoder> jpegEncoder) {
        long started = System.nanoTime();
        Map<AvatarSize, ProcessedAvatar.Image> images = new EnumMap<>(AvatarSize.class);
        BufferedImage current = large;
        for (AvatarSize size : AvatarSize.values()) {
            if (size != AvatarSize.LARGE) {
                current = scaledDown(current, size);
                images.put(size, new ProcessedAvatar.Image(current.getWidth(), output.encode(current, jpegEncoder)));
            }
        }
        log.debug("Avatar picture: smaller sizes scaled and encoded in {} ms",
                ProcessingSlots.millis(System.nanoTime() - started));
        return images;
    }

    /**
     * The decoded, upright, centred square: TYPE_INT_ARGB if some pixel is transparent, otherwise TYPE_INT_RGB.
     * Package-private so the benchmark can time decoding apart from scaling and encoding.
     */
    BufferedImage uprightSquare(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw AvatarRejectedException.empty();
        }
        if (upload.length > MAX_UPLOAD_BYTES) {
            throw AvatarRejectedException.fileTooLarge();
        }
        SourceFormat format = SourceFormatDetector.detect(upload);
        BufferedImage square = CentredSquareDecoder.decode(upload, format, scaledJpeg);
        ExifOrientation orientation =
                format == SourceFormat.JPEG ? JpegStructure.exifOrientation(upload) : ExifOrientation.NORMAL;
        if (square.getColorModel().hasAlpha()) {
            BufferedImage argb = orientation.drawUpright(square, BufferedImage.TYPE_INT_ARGB);
            // An alpha channel without a transparent pixel is common; such pictures are smaller as JPEG.
            return hasTransparentPixel(argb)
                    ? argb
                    : ExifOrientation.NORMAL.drawUpright(argb, BufferedImage.TYPE_INT_RGB);
        }
        return orientation.drawUpright(square, BufferedImage.TYPE_INT_RGB);
    }

    /**
     * Never scales up: a small upload keeps its own size (see {@link ProcessedAvatar.Image}). QUALITY halves the
     * picture in bicubic steps until the size is less than halfway (256 px from a 376 px square in one step, 64 px
     * from 256 px in two); ULTRA_QUALITY's steps of a seventh took about four times longer (about 60 ms for both sizes on
     * our 2 cores, a quarter of the avatar time) for a difference not visible at these sizes.
     */
    static BufferedImage scaledDown(BufferedImage square, AvatarSize size) {
        if (square.getWidth() <= size.pixels()) {
            return square;
        }
        return Scalr.resize(square, Scalr.Method.QUALITY, Scalr.Mode.FIT_EXACT, size.pixels(), size.pixels());
    }

    private static boolean hasTransparentPixel(BufferedImage argb) {
        int side = argb.getWidth();
        int[] row = new int[side];
        for (int y = 0; y < side; y++) {
            argb.getRGB(0, y, side, 1, row, 0, side);
            for (int pixel : row) {
                if (pixel >>> 24 != 0xFF) {
                    return true;
                }
            }
        }
        return false;
    }
}
