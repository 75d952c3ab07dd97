package com.practicalcrm.twofactor;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * Renders the setup QR code as a PNG: black modules on white with the 4-module quiet zone scanners need.
 *
 * <p>Each module is {@value #MODULE_PIXELS} px, so the otpauth URI of a usual address (QR version 8 or 9, 57 to
 * 61 modules with the quiet zone) gives 456 to 488 px: shown at 240 CSS px it stays sharp on 2x screens.
 */
final class QrCodeImage {

    static final int MODULE_PIXELS = 8;
    static final int QUIET_ZONE_MODULES = 4;

    private QrCodeImage() {
    }

    /**
     * @throws IllegalArgumentException if the content does not fit in a QR code
     */
    public static byte[] png(String content) {
        ByteMatrix modules = encode(content);
        int side = (modules.getWidth() + 2 * QUIET_ZONE_MODULES) * MODULE_PIXELS;
        // TYPE_BYTE_BINARY is black and white at one bit per pixel: the PNG stays a few kilobytes.
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        int white = 0xffffffff;
        int black = 0xff000000;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, isDark(modules, x, y) ? black : white);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PNG to memory failed", e);
        }
        return png.toByteArray();
    }

    private static ByteMatrix encode(String content) {
        try {
            // Level M (15 % of the code may be lost) keeps the code small enough to scan from a laptop screen
            // yet survives glare; a printed code would want Q or H. No character set hint: otpauth URIs are
            // ASCII, and a UTF-8 hint would only add an ECI header.
            return Encoder.encode(content, ErrorCorrectionLevel.M).getMatrix();
        } catch (WriterException e) {
            // Never the content in the message: it contains the secret.
            throw new IllegalArgumentException("The content does not fit in a QR code", e);
        }
    }

    private static boolean isDark(ByteMatrix modules, int pixelX, int pixelY) {
        int x = pixelX / MODULE_PIXELS - QUIET_ZONE_MODULES;
        int y = pixelY / MODULE_PIXELS - QUIET_ZONE_MODULES;
        boolean insideCode = x >= 0 && y >= 0 && x < modules.getWidth() && y < modules.getHeight();
        return insideCode && modules.get(x, y) == 1;
    }
}
