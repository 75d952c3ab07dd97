package com.practicalcrm.avatar;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/** Upload fixtures for tests outside this package (service, views, browser): good pictures and every bad input. */
public final class AvatarFixtures {

    /** A file the pipeline refuses, and the message the user must see for it. */
    public record BadUpload(String description, String fileName, byte[] bytes, String message) {
        @Override
        public String toString() {
            return description;
        }
    }

    private static final String NOT_A_PICTURE =
            "This file is not a picture we can use. Upload a JPG, PNG, GIF or WebP image.";
    private static final String DAMAGED = "The file seems damaged or incomplete. Try another picture.";
    private static final String USE_ANOTHER = " images are not supported. Upload a JPG, PNG, GIF or WebP image.";

    private AvatarFixtures() {
    }

    /** An opaque photo-like JPEG (becomes a JPEG avatar). */
    public static byte[] jpeg(int width, int height) {
        return TestImages.jpeg(TestImages.marked(width, height, BufferedImage.TYPE_INT_RGB));
    }

    /** A PNG with transparent pixels (becomes a PNG avatar). */
    public static byte[] transparentPng(int width, int height) {
        return TestImages.png(TestImages.markedWithTransparentQuadrant(width, height));
    }

    /** A valid PNG padded to exactly 2 MiB + 1 byte. */
    public static byte[] oneByteOverTheLimit() {
        return TestImages.pngPaddedTo(TestImages.png(TestImages.marked(480, 320, BufferedImage.TYPE_INT_RGB)),
                AvatarImageProcessor.MAX_UPLOAD_BYTES + 1);
    }

    public static List<BadUpload> badUploads() {
        byte[] windowsExe = Arrays.copyOf(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, 512);
        byte[] avif = TestImages.concat(new byte[] {0, 0, 0, 28}, "ftypavif\0\0\0\0mif1miaf".getBytes(UTF_8),
                new byte[64]);
        return List.of(
                new BadUpload("empty file", "empty.png", new byte[0], "The file is empty. Choose a picture."),
                new BadUpload("2 MiB + 1 byte", "big.png", oneByteOverTheLimit(),
                        "The file is larger than 2 MB. Choose a smaller picture."),
                new BadUpload("text renamed .png", "notes.png",
                        "Dear customer,\nplease find our offer attached.\n".getBytes(UTF_8), NOT_A_PICTURE),
                new BadUpload("executable renamed .png", "setup.png", windowsExe, NOT_A_PICTURE),
                new BadUpload("truncated JPEG", "cut.jpg",
                        TestImages.truncated(jpeg(480, 320)), DAMAGED),
                new BadUpload("SVG", "logo.png", ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"
                        + "<rect width=\"10\" height=\"10\"/></svg>").getBytes(UTF_8), "SVG" + USE_ANOTHER),
                new BadUpload("pixel-flood PNG", "flood.png", TestImages.pngClaiming(20_000, 20_000),
                        "The picture is too large (20000 × 20000 pixels). "
                                + "Use one of at most 8192 pixels on each side and 40 megapixels."),
                new BadUpload("BMP", "photo.bmp",
                        TestImages.encoded(TestImages.marked(48, 32, BufferedImage.TYPE_INT_RGB), "bmp"),
                        "BMP" + USE_ANOTHER),
                new BadUpload("TIFF", "scan.png",
                        TestImages.encoded(TestImages.marked(48, 32, BufferedImage.TYPE_INT_RGB), "tiff"),
                        "TIFF" + USE_ANOTHER),
                new BadUpload("AVIF", "photo.avif", avif, "AVIF" + USE_ANOTHER));
    }
}
