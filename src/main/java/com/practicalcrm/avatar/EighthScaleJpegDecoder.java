package com.practicalcrm.avatar;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Decodes the centred square of a large JPEG at one eighth of its size from the DC coefficients alone, as libjpeg's
 * scaled decoding and libvips' shrink-on-load do: each 8 × 8 block becomes one pixel, its average. The entropy
 * coded data is still read (every coefficient of a baseline file, only the DC scans of a progressive one), but no
 * inverse DCT runs, so a 12-megapixel photo takes a fraction of a full decode. The result is a box-filtered
 * picture, which the scaler then brings down to the avatar sizes.
 *
 * Handles the JPEGs cameras and phones write: 8-bit Huffman-coded baseline, extended or progressive, greyscale or
 * YCbCr, any sampling factors, restart intervals. For anything else (arithmetic coding, 12 bits, lossless, CMYK,
 * RGB, an embedded ICC profile, which the full decoder applies) and for any inconsistency it returns null, and the
 * caller decodes the file the usual way, which also decides whether a damaged file is refused. Pixel limits are
 * checked by the caller before this runs; what this allocates is bounded by the block count of an accepted picture
 * (one int per 8 × 8 block and component).
 */
final class EighthScaleJpegDecoder {

    private static final int MAX_COMPONENTS = 4;

    private final byte[] data;
    private int pos;

    // Frame
    private boolean progressive;
    private int width;
    private int height;
    private int componentCount;
    private final int[] componentIds = new int[MAX_COMPONENTS];
    private final int[] hSampling = new int[MAX_COMPONENTS];
    private final int[] vSampling = new int[MAX_COMPONENTS];
    private final int[] quantTableOf = new int[MAX_COMPONENTS];
    private int maxH;
    private int maxV;
    private int mcusPerLine;
    private int mcusPerColumn;
    private final int[] blocksPerLine = new int[MAX_COMPONENTS];
    private final int[] blocksPerColumn = new int[MAX_COMPONENTS];
    /** DC coefficient of every block, per component, in a grid padded to whole MCUs. */
    private final int[][] dc = new int[MAX_COMPONENTS][];

    // Tables
    private final int[] quantDc = new int[4];
    private final boolean[] quantDefined = new boolean[4];
    private final Huffman[] dcTables = new Huffman[4];
    private final Huffman[] acTables = new Huffman[4];
    private int restartInterval;
    private boolean adobeRgb;
    private boolean jfif;

    // Entropy decoding
    private long bitBuffer;
    private int bitCount;
    private boolean markerReached;

    private EighthScaleJpegDecoder(byte[] data) {
        this.data = data;
    }

    /**
     * @param data a complete JPEG whose dimensions the caller has checked against the pixel limits
     * @return the centred square, one pixel per 8 × 8 block, TYPE_INT_RGB; or null when this decoder does not
     *         handle the file
     */
    static BufferedImage centredSquare(byte[] data) {
        try {
            return new EighthScaleJpegDecoder(data).decode();
        } catch (Unsupported | RuntimeException e) {
            // Unsupported features and damaged data alike: the full decoder decides.
            return null;
        }
    }

    /** The side of the square this decoder would return for a picture of these dimensions. */
    static int squareSide(int width, int height) {
        return Math.min(width, height) / 8;
    }

    private BufferedImage decode() throws Unsupported {
        if (u8(0) != 0xFF || u8(1) != 0xD8) {
            throw new Unsupported();
        }
        pos = 2;
        boolean frameSeen = false;
        while (true) {
            int marker = nextMarker();
            switch (marker) {
                case 0xD9 -> { // EOI
                    if (!frameSeen) {
                        throw new Unsupported();
                    }
                    return square();
                }
                case 0xC0, 0xC1, 0xC2 -> {
                    if (frameSeen) {
                        throw new Unsupported();
                    }
                    readFrame(marker == 0xC2);
                    frameSeen = true;
                }
                case 0xC4 -> readHuffmanTables();
                case 0xDB -> readQuantTables();
                case 0xDD -> {
                    requireLength(4);
                    restartInterval = u16(pos + 2);
                    pos += 4;
                }
                case 0xDA -> {
                    if (!frameSeen) {
                        throw new Unsupported();
                    }
                    readScan();
                }
                case 0xE0 -> {
                    jfif |= startsWith(pos + 2, "JFIF\0");
                    skipSegment();
                }
                case 0xE2 -> {
                    if (startsWith(pos + 2, "ICC_PROFILE\0")) {
                        throw new Unsupported(); // colours need the profile: the full decoder applies it
                    }
                    skipSegment();
                }
                case 0xEE -> {
                    if (startsWith(pos + 2, "Adobe") && segmentLength() >= 14 && u8(pos + 13) == 0) {
                        adobeRgb = true; // transform 0: RGB or CMYK, not YCbCr
                    }
                    skipSegment();
                }
                default -> {
                    if (marker >= 0xC3 && marker <= 0xCF) {
                        throw new Unsupported(); // lossless, hierarchical, arithmetic coding
                    }
                    skipSegment();
                }
            }
        }
    }

    private void readFrame(boolean isProgressive) throws Unsupported {
        requireLength(8);
        progressive = isProgressive;
        int start = pos + 2;
        if (u8(start) != 8) {
            throw new Unsupported(); // 12-bit samples
        }
        height = u16(start + 1);
        width = u16(start + 3);
        componentCount = u8(start + 5);
        if (width <= 0 || height <= 0 || (componentCount != 1 && componentCount != 3)) {
            throw new Unsupported();
        }
        requireLength(8 + 3 * componentCount);
        for (int c = 0; c < componentCount; c++) {
            int at = start + 6 + 3 * c;
            componentIds[c] = u8(at);
            hSampling[c] = u8(at + 1) >> 4;
            vSampling[c] = u8(at + 1) & 15;
            quantTableOf[c] = u8(at + 2);
            if (hSampling[c] < 1 || hSampling[c] > 4 || vSampling[c] < 1 || vSampling[c] > 4
                    || quantTableOf[c] > 3) {
                throw new Unsupported();
            }
            maxH = Math.max(maxH, hSampling[c]);
            maxV = Math.max(maxV, vSampling[c]);
        }
        mcusPerLine = ceilDiv(width, 8 * maxH);
        mcusPerColumn = ceilDiv(height, 8 * maxV);
        for (int c = 0; c < componentCount; c++) {
            blocksPerLine[c] = mcusPerLine * hSampling[c];
            blocksPerColumn[c] = mcusPerColumn * vSampling[c];
            dc[c] = new int[blocksPerLine[c] * blocksPerColumn[c]];
        }
        skipSegment();
    }

    private void readQuantTables() throws Unsupported {
        int end = pos + segmentLength();
        int at = pos + 2;
        while (at < end) {
            int precision = u8(at) >> 4;
            int table = u8(at) & 15;
            if (table > 3) {
                throw new Unsupported();
            }
            quantDc[table] = precision == 0 ? u8(at + 1) : u16(at + 1);
            quantDefined[table] = true;
            at += 1 + 64 * (precision == 0 ? 1 : 2);
        }
        skipSegment();
    }

    private void readHuffmanTables() throws Unsupported {
        int end = pos + segmentLength();
        int at = pos + 2;
        while (at < end) {
            int tableClass = u8(at) >> 4;
            int table = u8(at) & 15;
            if (tableClass > 1 || table > 3) {
                throw new Unsupported();
            }
            int[] counts = new int[17];
            int total = 0;
            for (int length = 1; length <= 16; length++) {
                counts[length] = u8(at + length);
                total += counts[length];
            }
            if (total > 256) {
                throw new Unsupported();
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = u8(at + 17 + i);
            }
            Huffman huffman = new Huffman(counts, symbols);
            if (tableClass == 0) {
                dcTables[table] = huffman;
            } else {
                acTables[table] = huffman;
            }
            at += 17 + total;
        }
        skipSegment();
    }

    private void readScan() throws Unsupported {
        int length = segmentLength();
        int count = u8(pos + 2);
        if (count < 1 || count > componentCount) {
            throw new Unsupported();
        }
        requireLength(6 + 2 * count);
        int[] components = new int[count];
        Huffman[] dcOf = new Huffman[count];
        Huffman[] acOf = new Huffman[count];
        for (int i = 0; i < count; i++) {
            int id = u8(pos + 3 + 2 * i);
            int tables = u8(pos + 4 + 2 * i);
            components[i] = indexOf(id);
            dcOf[i] = dcTables[tables >> 4 & 3];
            acOf[i] = acTables[tables & 3];
        }
        int spectralStart = u8(pos + 3 + 2 * count);
        int spectralEnd = u8(pos + 4 + 2 * count);
        int approximation = u8(pos + 5 + 2 * count);
        int high = approximation >> 4;
        int low = approximation & 15;
        pos += length;
        resetBits();
        if (progressive) {
            if (spectralStart != 0) {
                skipEntropyData(); // AC scans: not needed at one eighth
                return;
            }
            if (spectralEnd != 0) {
                throw new Unsupported();
            }
            decodeDcScan(components, dcOf, high, low);
        } else {
            if (spectralStart != 0 || spectralEnd != 63 || approximation != 0) {
                throw new Unsupported();
            }
            decodeBaselineScan(components, dcOf, acOf);
        }
        finishScan();
    }

    private int indexOf(int componentId) throws Unsupported {
        for (int c = 0; c < componentCount; c++) {
            if (componentIds[c] == componentId) {
                return c;
            }
        }
        throw new Unsupported();
    }

    /** Every block of a sequential scan: the DC difference, then the AC coefficients skipped. */
    private void decodeBaselineScan(int[] components, Huffman[] dcOf, Huffman[] acOf) throws Unsupported {
        for (int i = 0; i < components.length; i++) {
            if (dcOf[i] == null || acOf[i] == null) {
                throw new Unsupported();
            }
        }
        int[] predictions = new int[components.length];
        forEachBlock(components, (i, block) -> {
            int[] grid = dc[components[i]];
            predictions[i] += receiveExtend(dcOf[i].decode(this));
            grid[block] = predictions[i];
            Huffman ac = acOf[i];
            for (int k = 1; k < 64; k++) {
                int runSize = ac.decode(this);
                int size = runSize & 15;
                int run = runSize >> 4;
                if (size == 0) {
                    if (run != 15) {
                        break; // end of block
                    }
                    k += 15;
                } else {
                    k += run;
                    skipBits(size);
                }
            }
        }, predictions);
    }

    /** A progressive DC scan: the first pass (high == 0) or one refinement bit per block. */
    private void decodeDcScan(int[] components, Huffman[] dcOf, int high, int low) throws Unsupported {
        if (high == 0) {
            for (Huffman table : dcOf) {
                if (table == null) {
                    throw new Unsupported();
                }
            }
        }
        int[] predictions = new int[components.length];
        forEachBlock(components, (i, block) -> {
            int[] grid = dc[components[i]];
            if (high == 0) {
                predictions[i] += receiveExtend(dcOf[i].decode(this));
                grid[block] = predictions[i] << low;
            } else if (readBit() != 0) {
                grid[block] |= 1 << low;
            }
        }, predictions);
    }

    private interface BlockDecoder {
        void decode(int component, int block) throws Unsupported;
    }

    /**
     * Visits the blocks of a scan in coding order: whole MCUs when several components are interleaved, otherwise
     * the component's own blocks row by row; handles restart markers (which also reset {@code predictions}).
     */
    private void forEachBlock(int[] components, BlockDecoder decoder, int[] predictions) throws Unsupported {
        int mcu = 0;
        if (components.length == 1) {
            int c = components[0];
            int blocksWide = ceilDiv(ceilDiv(width * hSampling[c], maxH), 8);
            int blocksHigh = ceilDiv(ceilDiv(height * vSampling[c], maxV), 8);
            for (int by = 0; by < blocksHigh; by++) {
                for (int bx = 0; bx < blocksWide; bx++) {
                    mcu = restartIfDue(mcu, predictions);
                    decoder.decode(0, by * blocksPerLine[c] + bx);
                }
            }
            return;
        }
        for (int my = 0; my < mcusPerColumn; my++) {
            for (int mx = 0; mx < mcusPerLine; mx++) {
                mcu = restartIfDue(mcu, predictions);
                for (int i = 0; i < components.length; i++) {
                    int c = components[i];
                    for (int v = 0; v < vSampling[c]; v++) {
                        int row = (my * vSampling[c] + v) * blocksPerLine[c];
                        for (int h = 0; h < hSampling[c]; h++) {
                            decoder.decode(i, row + mx * hSampling[c] + h);
                        }
                    }
                }
            }
        }
    }

    private int restartIfDue(int mcu, int[] predictions) throws Unsupported {
        if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
            // The entropy data stops at the RSTn marker; start afresh after it.
            resetBits();
            while (pos + 1 < data.length && !(u8(pos) == 0xFF && u8(pos + 1) != 0)) {
                pos++;
            }
            if (pos + 1 >= data.length || u8(pos) != 0xFF || u8(pos + 1) < 0xD0 || u8(pos + 1) > 0xD7) {
                throw new Unsupported();
            }
            pos += 2;
            java.util.Arrays.fill(predictions, 0);
        }
        return mcu + 1;
    }

    /** After a scan: back to the byte where its entropy data ended (the next marker). */
    private void finishScan() {
        resetBits();
        while (pos + 1 < data.length && !(u8(pos) == 0xFF && u8(pos + 1) != 0 && (u8(pos + 1) < 0xD0
                || u8(pos + 1) > 0xD7))) {
            pos++;
        }
    }

    private void skipEntropyData() {
        finishScan();
    }

    private BufferedImage square() throws Unsupported {
        if (componentCount == 3 && (adobeRgb || (!jfif && componentIds[0] == 'R' && componentIds[1] == 'G'
                && componentIds[2] == 'B'))) {
            throw new Unsupported(); // RGB-coded JPEG
        }
        for (int c = 0; c < componentCount; c++) {
            if (!quantDefined[quantTableOf[c]]) {
                throw new Unsupported();
            }
        }
        int side = squareSide(width, height);
        if (side < 1) {
            throw new Unsupported();
        }
        int left = Math.round((width - Math.min(width, height)) / 16f);
        int top = Math.round((height - Math.min(width, height)) / 16f);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] luma = dc[0];
        int lumaQuant = quantDc[quantTableOf[0]];
        for (int y = 0; y < side; y++) {
            int sy = top + y;
            for (int x = 0; x < side; x++) {
                int sx = left + x;
                int yValue = sample(luma, lumaQuant, 0, sx, sy);
                int rgb;
                if (componentCount == 1) {
                    rgb = yValue << 16 | yValue << 8 | yValue;
                } else {
                    float cb = sample(dc[1], quantDc[quantTableOf[1]], 1, sx, sy) - 128f;
                    float cr = sample(dc[2], quantDc[quantTableOf[2]], 2, sx, sy) - 128f;
                    int r = clamp(Math.round(yValue + 1.402f * cr));
                    int g = clamp(Math.round(yValue - 0.344136f * cb - 0.714136f * cr));
                    int b = clamp(Math.round(yValue + 1.772f * cb));
                    rgb = r << 16 | g << 8 | b;
                }
                pixels[y * side + x] = rgb;
            }
        }
        return image;
    }

    /** The block average of component {@code c} at pixel ({@code x}, {@code y}) of the one-eighth picture. */
    private int sample(int[] grid, int quant, int c, int x, int y) {
        int bx = x * hSampling[c] / maxH;
        int by = y * vSampling[c] / maxV;
        // Inverse DCT of a block with only its DC coefficient: every sample is DC / 8, plus the level shift.
        return clamp(Math.round(grid[by * blocksPerLine[c] + bx] * quant / 8f) + 128);
    }

    // Entropy-coded data: bytes FF 00 stand for FF; any other FF xx is a marker, after which zeros are read.

    /**
     * Forgets the bits read ahead. The reader never reads past a marker, so {@code pos} is then at most a few bytes
     * before the marker that ends the entropy data, and the search for that marker finds it.
     */
    private void resetBits() {
        bitBuffer = 0;
        bitCount = 0;
        paddedBits = 0;
        markerReached = false;
    }

    private void fill() {
        while (bitCount <= 56) {
            int next = 0;
            if (markerReached || pos >= data.length) {
                paddedBits += 8;
            } else {
                int b = data[pos] & 0xFF;
                if (b != 0xFF) {
                    pos++;
                    next = b;
                } else if (pos + 1 < data.length && data[pos + 1] == 0) {
                    pos += 2;
                    next = 0xFF;
                } else {
                    markerReached = true;
                    paddedBits += 8;
                }
            }
            bitBuffer |= (long) next << (56 - bitCount);
            bitCount += 8;
        }
    }

    /** Zero bits added after the end of the entropy data, which a correct scan never consumes. */
    private int paddedBits;

    int peekBits(int n) {
        if (bitCount < n) {
            fill();
        }
        return (int) (bitBuffer >>> (64 - n));
    }

    void consumeBits(int n) throws Unsupported {
        bitBuffer <<= n;
        bitCount -= n;
        if (paddedBits > 0 && bitCount < paddedBits) {
            throw new Unsupported(); // read into the padding: the scan's data ended early
        }
    }

    private int readBit() throws Unsupported {
        int bit = peekBits(1);
        consumeBits(1);
        return bit;
    }

    private void skipBits(int n) throws Unsupported {
        peekBits(n);
        consumeBits(n);
    }

    private int receiveExtend(int size) throws Unsupported {
        if (size == 0) {
            return 0;
        }
        if (size > 16) {
            throw new Unsupported();
        }
        int value = peekBits(size);
        consumeBits(size);
        return value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
    }

    // Markers and segments

    private int nextMarker() throws Unsupported {
        while (pos < data.length && u8(pos) != 0xFF) {
            pos++; // tolerate stray bytes between segments, as libjpeg does
        }
        while (pos < data.length && u8(pos) == 0xFF) {
            pos++;
        }
        if (pos >= data.length) {
            throw new Unsupported();
        }
        return u8(pos++);
    }

    private int segmentLength() throws Unsupported {
        if (pos + 1 >= data.length) {
            throw new Unsupported();
        }
        return u16(pos);
    }

    /** pos is at the length field of the segment just after its marker. */
    private void skipSegment() throws Unsupported {
        int length = segmentLength();
        if (length < 2 || pos + length > data.length) {
            throw new Unsupported();
        }
        pos += length;
    }

    private void requireLength(int minimum) throws Unsupported {
        int length = segmentLength();
        if (length < minimum || pos + length > data.length) {
            throw new Unsupported();
        }
    }

    private boolean startsWith(int at, String text) {
        if (at + text.length() > data.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (data[at + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int u8(int at) {
        return data[at] & 0xFF;
    }

    private int u16(int at) {
        return (data[at] & 0xFF) << 8 | data[at + 1] & 0xFF;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }

    /** A canonical Huffman table with a lookup of the first {@link #LOOKUP_BITS} bits. */
    private static final class Huffman {

        private static final int LOOKUP_BITS = 9;

        /** symbol << 8 | code length, or 0 for codes longer than the lookup. */
        private final int[] lookup = new int[1 << LOOKUP_BITS];
        private final int[] maxCode = new int[18];
        private final int[] valueOffset = new int[17];
        private final int[] symbols;

        Huffman(int[] counts, int[] symbols) throws Unsupported {
            this.symbols = symbols;
            int code = 0;
            int index = 0;
            for (int length = 1; length <= 16; length++) {
                valueOffset[length] = index - code;
                for (int i = 0; i < counts[length]; i++) {
                    if (length <= LOOKUP_BITS) {
                        int shift = LOOKUP_BITS - length;
                        for (int fill = 0; fill < 1 << shift; fill++) {
                            lookup[(code << shift) | fill] = symbols[index] << 8 | length;
                        }
                    }
                    code++;
                    index++;
                }
                maxCode[length] = counts[length] == 0 ? -1 : code - 1;
                if (code > 1 << length) {
                    throw new Unsupported(); // more codes than bits allow
                }
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
        }

        int decode(EighthScaleJpegDecoder in) throws Unsupported {
            int entry = lookup[in.peekBits(LOOKUP_BITS)];
            if (entry != 0) {
                in.consumeBits(entry & 0xFF);
                return entry >>> 8;
            }
            int bits = in.peekBits(16);
            for (int length = LOOKUP_BITS + 1; length <= 16; length++) {
                int code = bits >>> (16 - length);
                if (maxCode[length] >= 0 && code <= maxCode[length]) {
                    in.consumeBits(length);
                    int at = code + valueOffset[length];
                    if (at < 0 || at >= symbols.length) {
                        throw new Unsupported();
                    }
                    return symbols[at];
                }
            }
            throw new Unsupported(); // no such code: damaged data
        }
    }

    /** This decoder does not handle the file (a feature or damage); the full decoder takes over. */
    private static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }
}
