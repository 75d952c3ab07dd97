package com.practicalcrm.avatar;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * {@link ScaledJpegDecoder} and {@link JpegEncoder} on libjpeg-turbo's TurboJPEG API (the 2.x functions, which 3.x
 * keeps), called through the FFM API: seven functions, no parsing of our own. Compiled for Java 22 (the FFM API is
 * final there) and loaded by name only on 22 or newer, so the rest of the app still runs on Java 21.
 */
final class TurboJpeg implements ScaledJpegDecoder, JpegEncoder {

    // Constants of turbojpeg.h.
    private static final int TJPF_BGRX = 3;
    private static final int TJPF_XRGB = 5;
    private static final int TJCS_CMYK = 3;
    private static final int TJCS_YCCK = 4;
    private static final int TJFLAG_STOPONWARNING = 8192;
    /** Refuses progressive files with an absurd number of scans (a known CPU exhaustion trick); since 2.1. */
    private static final int TJFLAG_LIMITSCANS = 32768;
    private static final int FLAGS = TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS;
    /** 4:2:0 chroma subsampling, what ImageIO's JPEG writer uses for colour pictures. */
    private static final int TJSAMP_420 = 2;
    /** Baseline, accurate integer DCT and standard Huffman tables, as ImageIO's writer by default. */
    private static final int COMPRESS_FLAGS = 0;
    /** Read as native ints, these bytes are 0x..RRGGBB, the layout of TYPE_INT_RGB. */
    private static final int PIXEL_FORMAT =
            ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? TJPF_BGRX : TJPF_XRGB;
    /** The scaling factors with the fast inverse DCTs, largest reduction first, as libvips uses them. */
    private static final int[] DENOMINATORS = {8, 4, 2, 1};

    private final String library;
    private final MethodHandle initDecompress;
    private final MethodHandle decompressHeader;
    private final MethodHandle decompress;
    private final MethodHandle destroy;
    private final MethodHandle initCompress;
    private final MethodHandle compress;
    private final MethodHandle free;

    private TurboJpeg(String library, SymbolLookup symbols) {
        this.library = library;
        Linker linker = Linker.nativeLinker();
        // turbojpeg.h passes sizes as unsigned long: 64 bits on Linux and macOS, 32 on Windows (not supported here).
        MemoryLayout cLong = linker.canonicalLayouts().get("long");
        if (cLong == null || cLong.byteSize() != Long.BYTES) {
            throw new IllegalStateException("C long is not 64 bits on this platform");
        }
        initDecompress = linker.downcallHandle(find(symbols, "tjInitDecompress"), FunctionDescriptor.of(ADDRESS));
        decompressHeader = linker.downcallHandle(find(symbols, "tjDecompressHeader3"), FunctionDescriptor.of(
                JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        decompress = linker.downcallHandle(find(symbols, "tjDecompress2"), FunctionDescriptor.of(
                JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        destroy = linker.downcallHandle(find(symbols, "tjDestroy"), FunctionDescriptor.of(JAVA_INT, ADDRESS));
        initCompress = linker.downcallHandle(find(symbols, "tjInitCompress"), FunctionDescriptor.of(ADDRESS));
        compress = linker.downcallHandle(find(symbols, "tjCompress2"), FunctionDescriptor.of(JAVA_INT, ADDRESS,
                ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));
        free = linker.downcallHandle(find(symbols, "tjFree"), FunctionDescriptor.ofVoid(ADDRESS));
    }

    /** Called by {@link ScaledJpegDecoder#load(List)}; throws when none of the libraries can be opened. */
    static ScaledJpegDecoder load(List<String> libraryNames) {
        IllegalArgumentException notFound = new IllegalArgumentException("None of " + libraryNames + " was found");
        for (String name : libraryNames) {
            try {
                return new TurboJpeg(name, SymbolLookup.libraryLookup(name, Arena.global()));
            } catch (IllegalArgumentException e) {
                notFound.addSuppressed(e);
            }
        }
        throw notFound;
    }

    private static MemorySegment find(SymbolLookup symbols, String function) {
        return symbols.find(function)
                .orElseThrow(() -> new IllegalStateException(function + " is missing: not a TurboJPEG library"));
    }

    @Override
    public String description() {
        return "libjpeg-turbo (" + library + ")";
    }

    @Override
    public Optional<BufferedImage> centredSquare(byte[] jpeg, int minSide, DimensionCheck check) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = (MemorySegment) initDecompress.invokeExact();
            if (handle.equals(MemorySegment.NULL)) {
                return Optional.empty();
            }
            try {
                return decode(handle, arena, jpeg, minSide, check);
            } finally {
                int ignored = (int) destroy.invokeExact(handle);
            }
        } catch (RuntimeException | Error e) {
            throw e; // a refusal from the check, or out of memory
        } catch (Throwable e) {
            throw new IllegalStateException("Calling TurboJPEG failed", e);
        }
    }

    private Optional<BufferedImage> decode(MemorySegment handle, Arena arena, byte[] jpeg, int minSide,
                                           DimensionCheck check) throws Throwable {
        MemorySegment source = arena.allocateFrom(JAVA_BYTE, jpeg);
        MemorySegment header = arena.allocate(JAVA_INT, 4);
        int headerRead = (int) decompressHeader.invokeExact(handle, source, (long) jpeg.length, header,
                header.asSlice(4), header.asSlice(8), header.asSlice(12));
        if (headerRead != 0) {
            return Optional.empty();
        }
        int width = header.getAtIndex(JAVA_INT, 0);
        int height = header.getAtIndex(JAVA_INT, 1);
        int colourSpace = header.getAtIndex(JAVA_INT, 3);
        check.check(width, height); // before any pixel is decoded
        if (width <= 0 || height <= 0 || colourSpace == TJCS_CMYK || colourSpace == TJCS_YCCK) {
            return Optional.empty();
        }
        int denominator = denominator(Math.min(width, height), minSide);
        int scaledWidth = ceilDiv(width, denominator);
        int scaledHeight = ceilDiv(height, denominator);
        MemorySegment pixels = arena.allocate(JAVA_INT, (long) scaledWidth * scaledHeight);
        int decoded = (int) decompress.invokeExact(handle, source, (long) jpeg.length, pixels, scaledWidth, 0,
                scaledHeight, PIXEL_FORMAT, FLAGS);
        if (decoded != 0) {
            return Optional.empty(); // an error or a warning: ImageIO decides, as it always did
        }
        return Optional.of(centredSquare(pixels, scaledWidth, scaledHeight));
    }

    @Override
    public Optional<byte[]> encode(BufferedImage rgb, int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1-100, got " + quality);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = (MemorySegment) initCompress.invokeExact();
            if (handle.equals(MemorySegment.NULL)) {
                return Optional.empty();
            }
            try {
                return compress(handle, arena, rgb, quality);
            } finally {
                int ignored = (int) destroy.invokeExact(handle);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Calling TurboJPEG failed", e);
        }
    }

    private Optional<byte[]> compress(MemorySegment handle, Arena arena, BufferedImage rgb, int quality)
            throws Throwable {
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        MemorySegment source = arena.allocateFrom(JAVA_INT, pixels(rgb));
        // TurboJPEG allocates the output (jpegBuf NULL, size 0); it must be given back with tjFree, even on error.
        MemorySegment output = arena.allocate(ADDRESS);
        MemorySegment outputSize = arena.allocate(JAVA_LONG);
        try {
            int compressed = (int) compress.invokeExact(handle, source, width, width * Integer.BYTES, height,
                    PIXEL_FORMAT, output, outputSize, TJSAMP_420, quality, COMPRESS_FLAGS);
            if (compressed != 0) {
                return Optional.empty();
            }
            long size = outputSize.get(JAVA_LONG, 0);
            return Optional.of(output.get(ADDRESS, 0).reinterpret(size).toArray(JAVA_BYTE));
        } finally {
            MemorySegment buffer = output.get(ADDRESS, 0);
            if (!buffer.equals(MemorySegment.NULL)) {
                free.invokeExact(buffer);
            }
        }
    }

    /** The pixels as 0x..RRGGBB ints, row after row: TYPE_INT_RGB's own array when it is exactly that. */
    private static int[] pixels(BufferedImage rgb) {
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        if (rgb.getType() == BufferedImage.TYPE_INT_RGB
                && rgb.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && buffer.getNumBanks() == 1 && buffer.getOffset() == 0
                && rgb.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == width
                && rgb.getRaster().getSampleModelTranslateX() == 0 && rgb.getRaster().getSampleModelTranslateY() == 0
                && buffer.getData().length == width * height) {
            return buffer.getData();
        }
        return rgb.getRGB(0, 0, width, height, null, 0, width); // the alpha byte, if any, is not read (BGRX/XRGB)
    }

    /** The largest reduction that keeps the shorter side at least {@code minSide} (or 1/1 for small pictures). */
    static int denominator(int shorterSide, int minSide) {
        for (int denominator : DENOMINATORS) {
            if (ceilDiv(shorterSide, denominator) >= minSide) {
                return denominator;
            }
        }
        return 1;
    }

    private static int ceilDiv(int value, int denominator) {
        return (value + denominator - 1) / denominator;
    }

    private static BufferedImage centredSquare(MemorySegment pixels, int width, int height) {
        int side = Math.min(width, height);
        int left = (width - side) / 2;
        int top = (height - side) / 2;
        BufferedImage square = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) square.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < side; y++) {
            MemorySegment.copy(pixels, JAVA_INT, ((long) (top + y) * width + left) * Integer.BYTES, target,
                    y * side, side);
        }
        return square;
    }
}
