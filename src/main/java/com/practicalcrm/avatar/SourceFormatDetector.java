package com.practicalcrm.avatar;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.util.Locale;
import java.util.Set;

/**
 * Decides what an upload is from its first bytes only; the file name and the browser's MIME type are never
 * trusted. Formats we recognise but do not accept get a refusal that names them, so people know what to change.
 */
final class SourceFormatDetector {

    private static final byte[] JPEG_SOI = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    // Sizes of the known BMP info headers: a text that starts with "BM" must not pass for a bitmap.
    private static final Set<Integer> BMP_INFO_HEADER_SIZES = Set.of(12, 16, 40, 52, 56, 64, 108, 124);
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Set<String> HEIF_BRANDS =
            Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1");
    private static final int SVG_LOOKAHEAD = 4096;

    private SourceFormatDetector() {
    }

    static SourceFormat detect(byte[] data) {
        if (startsWith(data, 0, JPEG_SOI)) {
            return SourceFormat.JPEG;
        }
        if (startsWith(data, 0, PNG_SIGNATURE)) {
            return SourceFormat.PNG;
        }
        if (startsWithAscii(data, 0, "GIF87a") || startsWithAscii(data, 0, "GIF89a")) {
            return SourceFormat.GIF;
        }
        if (startsWithAscii(data, 0, "RIFF") && startsWithAscii(data, 8, "WEBP")) {
            return SourceFormat.WEBP;
        }
        String unsupported = unsupportedImageFormat(data);
        throw unsupported == null
                ? AvatarRejectedException.notAnImage()
                : AvatarRejectedException.unsupportedFormat(unsupported);
    }

    private static String unsupportedImageFormat(byte[] data) {
        if (isSvg(data)) {
            return "SVG";
        }
        if (startsWithAscii(data, 0, "BM") && data.length >= 18
                && BMP_INFO_HEADER_SIZES.contains(littleEndianInt(data, 14))) {
            return "BMP";
        }
        if (startsWithAscii(data, 0, "II*\0") || startsWithAscii(data, 0, "MM\0*")
                || startsWithAscii(data, 0, "II+\0") || startsWithAscii(data, 0, "MM\0+")) {
            return "TIFF";
        }
        return isoMediaImageFormat(data);
    }

    /** SVG is XML text: after an optional byte order mark and white space it starts with a tag. */
    private static boolean isSvg(byte[] data) {
        int start = startsWith(data, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        while (start < data.length && Character.isWhitespace(data[start])) {
            start++;
        }
        if (start >= data.length || data[start] != '<') {
            return false;
        }
        String head = new String(data, start, Math.min(SVG_LOOKAHEAD, data.length - start), ISO_8859_1);
        return head.toLowerCase(Locale.ROOT).contains("<svg");
    }

    /** AVIF and HEIC are ISO media files: an 'ftyp' box whose brands say which kind. */
    private static String isoMediaImageFormat(byte[] data) {
        if (data.length < 16 || !startsWithAscii(data, 4, "ftyp")) {
            return null;
        }
        int boxEnd = Math.min(data.length, Math.max(16, bigEndianInt(data, 0)));
        boolean heif = false;
        for (int brand = 8; brand + 4 <= boxEnd; brand += brand == 8 ? 8 : 4) { // skip the minor version field
            String name = new String(data, brand, 4, ISO_8859_1);
            if (AVIF_BRANDS.contains(name)) {
                return "AVIF";
            }
            heif |= HEIF_BRANDS.contains(name);
        }
        return heif ? "HEIC" : null;
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithAscii(byte[] data, int offset, String prefix) {
        return startsWith(data, offset, prefix.getBytes(ISO_8859_1));
    }

    private static int littleEndianInt(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8
                | (data[offset + 2] & 0xFF) << 16 | (data[offset + 3] & 0xFF) << 24;
    }

    private static int bigEndianInt(byte[] data, int offset) {
        return (data[offset] & 0xFF) << 24 | (data[offset + 1] & 0xFF) << 16
                | (data[offset + 2] & 0xFF) << 8 | (data[offset + 3] & 0xFF);
    }
}
