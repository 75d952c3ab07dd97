package com.practicalcrm.avatar;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the marker segments of a JPEG say, without decoding pixels: whether the file is complete and
 * its EXIF orientation. The input may be hostile, so every offset is checked and anything malformed counts as
 * absent.
 */
final class JpegStructure {

    private static final int START_OF_SCAN = 0xDA;
    private static final int END_OF_IMAGE = 0xD9;
    private static final int APP1 = 0xE1;
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final int IFD_ENTRY_LENGTH = 12;

    private record Segment(int marker, int offset, int length) {
    }

    private JpegStructure() {
    }

    /**
     * libjpeg fills a truncated scan with grey and only warns, so completeness is checked here: the end-of-image
     * marker must follow the first scan. Inside scan data a 0xFF byte is always escaped, so 0xFF 0xD9 there is
     * the real marker; data after it (some cameras append some) is ignored. Searched from the end: a complete
     * file usually ends with the marker, so this takes no time, where a search from the scan read the whole
     * file (about 2 ms for a 2 MB photo); the answer is the same, whether any marker follows the scan.
     */
    static boolean isComplete(byte[] jpeg) {
        List<Segment> header = headerSegments(jpeg);
        if (header.isEmpty() || header.getLast().marker() != START_OF_SCAN) {
            return false;
        }
        Segment scanHeader = header.getLast();
        int scanData = scanHeader.offset() + scanHeader.length();
        for (int i = jpeg.length - 2; i >= scanData; i--) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) END_OF_IMAGE) {
                return true;
            }
        }
        return false;
    }

    static ExifOrientation exifOrientation(byte[] jpeg) {
        for (Segment segment : headerSegments(jpeg)) {
            if (segment.marker() == APP1 && startsWith(jpeg, segment, EXIF_HEADER)) {
                ByteBuffer tiff = ByteBuffer.wrap(jpeg, segment.offset() + EXIF_HEADER.length,
                        segment.length() - EXIF_HEADER.length).slice();
                return ExifOrientation.ofTagValue(orientationTag(tiff));
            }
        }
        return ExifOrientation.NORMAL;
    }

    /** Segments from after SOI up to and including the first start-of-scan; stops at anything malformed. */
    private static List<Segment> headerSegments(byte[] jpeg) {
        List<Segment> segments = new ArrayList<>();
        int position = 2;
        while (position + 4 <= jpeg.length && jpeg[position] == (byte) 0xFF) {
            int marker = jpeg[position + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte before a marker
                position++;
                continue;
            }
            int length = (jpeg[position + 2] & 0xFF) << 8 | jpeg[position + 3] & 0xFF;
            if (length < 2 || position + 2 + length > jpeg.length) {
                break;
            }
            segments.add(new Segment(marker, position + 4, length - 2));
            if (marker == START_OF_SCAN) {
                break;
            }
            position += 2 + length;
        }
        return segments;
    }

    /** The orientation entry of the first IFD of a TIFF structure, or 0 when there is none. */
    private static int orientationTag(ByteBuffer tiff) {
        if (tiff.remaining() < 8) {
            return 0;
        }
        if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (tiff.get(0) != 'M' || tiff.get(1) != 'M') {
            return 0;
        }
        long ifd = Integer.toUnsignedLong(tiff.getInt(4));
        if (ifd + 2 > tiff.limit()) {
            return 0;
        }
        int entries = Short.toUnsignedInt(tiff.getShort((int) ifd));
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * IFD_ENTRY_LENGTH;
            if (entry + IFD_ENTRY_LENGTH > tiff.limit()) {
                return 0;
            }
            if (Short.toUnsignedInt(tiff.getShort(entry)) == TAG_ORIENTATION) {
                boolean oneShort = tiff.getShort(entry + 2) == TYPE_SHORT && tiff.getInt(entry + 4) == 1;
                return oneShort ? Short.toUnsignedInt(tiff.getShort(entry + 8)) : 0;
            }
        }
        return 0;
    }

    private static boolean startsWith(byte[] jpeg, Segment segment, byte[] prefix) {
        if (segment.length() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (jpeg[segment.offset() + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
