package com.practicalcrm.avatar;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * Reads what the chunks of a WebP file declare, without decoding pixels: the largest width and height any of its
 * headers claims, and whether the decoder must hold the whole picture in memory. Lossy pictures (VP8) are decoded
 * a row of macroblocks at a time, straight into the small centred square; lossless pictures (VP8L), the alpha
 * channel of transparent lossy ones (ALPH) and animation frames (ANMF) are decoded whole, at 4 bytes a pixel, before
 * the square is taken out. The input may be hostile: a small canvas (VP8X) may wrap a much larger bitstream, so
 * every declared size counts, and anything malformed counts as decoded whole.
 */
final class WebPStructure {

    private static final int FIRST_CHUNK = 12;
    private static final int CHUNK_HEADER = 8;
    private static final int VP8L_SIGNATURE = 0x2F;

    /** The largest declared size; {@code decodedWhole} when the decoder needs the full picture in memory. */
    record Declared(int width, int height, boolean decodedWhole) {
    }

    private WebPStructure() {
    }

    /** @param webp a file that starts with "RIFF", 4 bytes, "WEBP" */
    static Declared read(byte[] webp) {
        int width = 0;
        int height = 0;
        boolean decodedWhole = false;
        int position = FIRST_CHUNK;
        while (position + CHUNK_HEADER <= webp.length) {
            String type = new String(webp, position, 4, ISO_8859_1);
            long size = Integer.toUnsignedLong(littleEndian(webp, position + 4, 4));
            int payload = position + CHUNK_HEADER;
            if (payload + size > webp.length) {
                // Truncated or lying about its size: the decoder will tell; until then assume the worst.
                decodedWhole = true;
                size = webp.length - payload;
            }
            int[] declared = switch (type) {
                case "VP8X" -> size >= 10
                        ? new int[] {littleEndian(webp, payload + 4, 3) + 1, littleEndian(webp, payload + 7, 3) + 1}
                        : null;
                case "VP8 " -> size >= 10
                        ? new int[] {littleEndian(webp, payload + 6, 2) & 0x3FFF,
                            littleEndian(webp, payload + 8, 2) & 0x3FFF}
                        : null;
                case "VP8L" -> size >= 5 && (webp[payload] & 0xFF) == VP8L_SIGNATURE
                        ? new int[] {(littleEndian(webp, payload + 1, 4) & 0x3FFF) + 1,
                            (littleEndian(webp, payload + 1, 4) >>> 14 & 0x3FFF) + 1}
                        : null;
                case "ANMF" -> size >= 12
                        ? new int[] {littleEndian(webp, payload + 6, 3) + 1, littleEndian(webp, payload + 9, 3) + 1}
                        : null;
                default -> new int[] {0, 0};
            };
            if (declared == null) {
                decodedWhole = true;
            } else {
                width = Math.max(width, declared[0]);
                height = Math.max(height, declared[1]);
            }
            decodedWhole |= type.equals("VP8L") || type.equals("ALPH") || type.equals("ANMF");
            position = (int) Math.min(Integer.MAX_VALUE, payload + size + (size & 1));
        }
        return new Declared(width, height, decodedWhole);
    }

    private static int littleEndian(byte[] data, int offset, int bytes) {
        int value = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            value = value << 8 | data[offset + i] & 0xFF;
        }
        return value;
    }
}
