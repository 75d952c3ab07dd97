package com.practicalcrm.avatar;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

/**
 * Decodes only the centred square of an upload, and only at the resolution the avatar needs: a 12-megapixel
 * photo becomes about 1 MB of pixels instead of 36 MB, and scaling it takes milliseconds instead of most of a
 * second. The dimensions are read from the header first and pixel floods are refused before any pixel is decoded.
 */
final class CentredSquareDecoder {

    static final int MAX_SIDE = 8192;
    /**
     * JPEG, PNG, GIF and lossy WebP decoders hold a few rows and the small centred square, whatever the picture's
     * size, so this limit guards against pixel floods and CPU time rather than memory (see the README for the
     * measured heap per format).
     */
    static final long MAX_PIXELS = 40_000_000;
    /**
     * Lossless WebP, and lossy WebP with transparency, are decoded whole (4 bytes a pixel, and more for the alpha
     * channel of lossy ones) before the square is taken out. Measured at 12 megapixels: 56 MB of heap for lossless,
     * 76 MB for transparent lossy; 8 megapixels keep both under 64 MB.
     */
    static final long MAX_WHOLE_WEBP_PIXELS = 8_000_000;

    // Source subsampling drops pixels without filtering; decoding at twice the largest size or more leaves the
    // real downscaling, with proper filtering, to the scaler.
    private static final int MIN_DECODED_SIDE = 2 * AvatarSize.LARGE.pixels();

    private CentredSquareDecoder() {
    }

    /**
     * The centred square in stored orientation. With {@code scaledJpeg}, a JPEG is scaled while decoding to a side
     * of at least {@link AvatarSize#LARGE} (DCT scaling filters, so the scaler needs no more); everything else is
     * subsampled by ImageIO to a side of at least {@link #MIN_DECODED_SIDE} if possible.
     */
    static BufferedImage decode(byte[] data, SourceFormat format, Optional<ScaledJpegDecoder> scaledJpeg) {
        if (format == SourceFormat.JPEG && !JpegStructure.isComplete(data)) {
            throw AvatarRejectedException.damaged(null);
        }
        if (format == SourceFormat.JPEG && scaledJpeg.isPresent()) {
            Optional<BufferedImage> square = scaledJpeg.get()
                    .centredSquare(data, AvatarSize.LARGE.pixels(), CentredSquareDecoder::refusePixelFlood);
            if (square.isPresent()) {
                return square.get();
            }
        }
        ImageReader reader = readerFor(format);
        try {
            // An in-memory stream holds nothing to close. Metadata is never copied to the output, so it is
            // not even parsed.
            reader.setInput(new ByteArrayImageInputStream(data), true, true);
            int width = readStep(() -> reader.getWidth(0));
            int height = readStep(() -> reader.getHeight(0));
            refusePixelFlood(width, height);
            if (format == SourceFormat.WEBP) {
                refuseWebPPixelFlood(WebPStructure.read(data), width, height);
            }
            if (width <= 0 || height <= 0) {
                throw AvatarRejectedException.damaged(null);
            }
            ImageReadParam param = centredSquare(reader.getDefaultReadParam(), width, height);
            return readStep(() -> reader.read(0, param));
        } finally {
            reader.dispose();
        }
    }

    private static void refusePixelFlood(int width, int height) {
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            throw AvatarRejectedException.tooManyPixels(width, height);
        }
    }

    /** Every size a WebP file declares counts, not only the one the reader reports (see {@link WebPStructure}). */
    private static void refuseWebPPixelFlood(WebPStructure.Declared declared, int width, int height) {
        int largestWidth = Math.max(width, declared.width());
        int largestHeight = Math.max(height, declared.height());
        refusePixelFlood(largestWidth, largestHeight);
        if (declared.decodedWhole() && (long) largestWidth * largestHeight > MAX_WHOLE_WEBP_PIXELS) {
            throw AvatarRejectedException.tooManyPixelsForWholeWebP(largestWidth, largestHeight);
        }
    }

    private static ImageReadParam centredSquare(ImageReadParam param, int width, int height) {
        int side = Math.min(width, height);
        int subsampling = Math.max(1, side / MIN_DECODED_SIDE);
        param.setSourceRegion(new Rectangle((width - side) / 2, (height - side) / 2, side, side));
        param.setSourceSubsampling(subsampling, subsampling, 0, 0);
        return param;
    }

    /**
     * For JPEG the first reader is TwelveMonkeys' (it orders itself before the JDK's), which also reads CMYK and
     * YCCK; WebP comes only from TwelveMonkeys; PNG and GIF from the JDK.
     */
    private static ImageReader readerFor(SourceFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format + " on the class path");
        }
        return readers.next();
    }

    private interface ReadStep<T> {
        T run() throws IOException;
    }

    /** Decoders report corrupt input with all kinds of exceptions; to the user they all mean the same. */
    private static <T> T readStep(ReadStep<T> step) {
        try {
            return step.run();
        } catch (IOException | RuntimeException failure) {
            throw AvatarRejectedException.damaged(failure);
        }
    }
}
