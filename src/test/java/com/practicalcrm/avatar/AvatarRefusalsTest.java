package com.practicalcrm.avatar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.practicalcrm.avatar.AvatarRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Whatever is uploaded, the answer is an avatar or a refusal that tells the person what to do. */
class AvatarRefusalsTest {

    private static final int RGB = BufferedImage.TYPE_INT_RGB;
    private static final String USE_ANOTHER = " images are not supported. Upload a JPG, PNG, GIF or WebP image.";

    private final AvatarImageProcessor processor = new AvatarImageProcessor();

    @Test
    void emptyFileIsRefused() {
        assertRefused(new byte[0], Reason.EMPTY, "The file is empty. Choose a picture.");
        assertRefused(null, Reason.EMPTY, "The file is empty. Choose a picture.");
    }

    @Test
    void fileOfExactlyTwoMebibytesIsAccepted() {
        byte[] upload = TestImages.pngPaddedTo(TestImages.png(TestImages.marked(480, 320, RGB)), 2 * 1024 * 1024);

        assertThatCode(() -> processor.process(upload)).doesNotThrowAnyException();
    }

    @Test
    void fileOneByteOverTwoMebibytesIsRefused() {
        byte[] upload = TestImages.pngPaddedTo(TestImages.png(TestImages.marked(480, 320, RGB)), 2 * 1024 * 1024 + 1);

        assertRefused(upload, Reason.FILE_TOO_LARGE, "The file is larger than 2 MB. Choose a smaller picture.");
    }

    @Test
    void textFileIsNotAPicture() {
        assertNotAPicture("Dear customer,\nplease find attached our offer.\n".getBytes(UTF_8));
    }

    @Test
    void executableRenamedToPngIsNotAPicture() {
        byte[] elf = Arrays.copyOf(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, 512);
        byte[] windowsExe = Arrays.copyOf(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, 512);

        assertNotAPicture(elf);
        assertNotAPicture(windowsExe);
    }

    @Test
    void htmlIsNotAPicture() {
        assertNotAPicture("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(UTF_8));
    }

    @Test
    void svgIsRefusedByName() {
        String withDeclaration = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" onload=\"alert(1)\"/>";
        String bare = "  <svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"10\" height=\"10\"/></svg>";

        assertRefused(withDeclaration.getBytes(UTF_8), Reason.UNSUPPORTED_FORMAT, "SVG" + USE_ANOTHER);
        assertRefused(bare.getBytes(UTF_8), Reason.UNSUPPORTED_FORMAT, "SVG" + USE_ANOTHER);
    }

    @Test
    void bmpIsRefusedByName() {
        byte[] bmp = TestImages.encoded(TestImages.marked(48, 32, RGB), "bmp");

        assertRefused(bmp, Reason.UNSUPPORTED_FORMAT, "BMP" + USE_ANOTHER);
    }

    @Test
    void tiffIsRefusedByName() {
        byte[] tiff = TestImages.encoded(TestImages.marked(48, 32, RGB), "tiff");

        assertRefused(tiff, Reason.UNSUPPORTED_FORMAT, "TIFF" + USE_ANOTHER);
    }

    @Test
    void avifIsRefusedByName() {
        assertRefused(isoMediaFile("avif", "mif1", "miaf"), Reason.UNSUPPORTED_FORMAT, "AVIF" + USE_ANOTHER);
        assertRefused(isoMediaFile("mif1", "avif", "miaf"), Reason.UNSUPPORTED_FORMAT, "AVIF" + USE_ANOTHER);
    }

    @Test
    void heicFromAnIphoneIsRefusedByName() {
        assertRefused(isoMediaFile("heic", "mif1", "heic"), Reason.UNSUPPORTED_FORMAT, "HEIC" + USE_ANOTHER);
    }

    @Test
    void mp4VideoIsNotAPicture() {
        assertNotAPicture(isoMediaFile("isom", "isom", "mp41"));
    }

    @Test
    void truncatedJpegIsRefusedAsDamaged() {
        assertDamaged(TestImages.truncated(TestImages.jpeg(TestImages.marked(480, 320, RGB))));
    }

    @Test
    void truncatedJpegWithBytesAppendedIsStillRefusedAsDamaged() {
        byte[] cut = TestImages.truncated(TestImages.jpeg(TestImages.marked(480, 320, RGB)));

        assertDamaged(TestImages.concat(cut, "no end marker in here".getBytes(UTF_8)));
    }

    @Test
    void jpegWithDataAfterItsEndIsAccepted() {
        // Some cameras append data after the end-of-image marker: the file is complete, though it does not end with it.
        byte[] jpeg = TestImages.jpeg(TestImages.marked(480, 320, RGB));

        assertThatCode(() -> processor.process(TestImages.concat(jpeg, "camera trailer".getBytes(UTF_8))))
                .doesNotThrowAnyException();
    }

    @Test
    void truncatedProgressiveJpegIsRefusedAsDamaged() {
        assertDamaged(TestImages.truncated(TestImages.progressiveJpeg(TestImages.marked(480, 320, RGB))));
    }

    @Test
    void truncatedPngGifAndWebpAreRefusedAsDamaged() {
        assertDamaged(TestImages.truncated(TestImages.png(TestImages.marked(480, 320, RGB))));
        assertDamaged(TestImages.truncated(TestImages.gif(TestImages.marked(480, 320, RGB))));
        assertDamaged(TestImages.truncated(TestImages.resource("lossy.webp")));
        assertDamaged(TestImages.truncated(TestImages.resource("lossless.webp")));
    }

    @Test
    void signatureFollowedByGarbageIsRefusedAsDamaged() {
        // Small byte values, so that whatever the decoders take for a width or height stays within the limits.
        byte[] garbage = new byte[256];
        Arrays.fill(garbage, (byte) 1);

        assertDamaged(TestImages.concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, garbage));
        assertDamaged(TestImages.concat(Arrays.copyOf(TestImages.png(TestImages.marked(16, 16, RGB)), 8), garbage));
        assertDamaged(TestImages.concat("GIF89a".getBytes(UTF_8), garbage));
        assertDamaged(TestImages.concat("RIFF\0\0\0\0WEBPVP8 ".getBytes(UTF_8), garbage));
    }

    @Test
    void pixelFloodPngIsRefusedFromItsHeaderWithoutDecoding() {
        byte[] flood = TestImages.pngClaiming(20_000, 20_000);

        // The file has a header and no pixel data: a decoder would report it damaged, so TOO_MANY_PIXELS shows
        // the refusal came from the header alone.
        AvatarRejectedException refusal =
                catchThrowableOfType(AvatarRejectedException.class, () -> processor.process(flood));

        assertThat(refusal.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
        assertThat(refusal.getMessage()).isEqualTo("The picture is too large (20000 × 20000 pixels). "
                + "Use one of at most 8192 pixels on each side and 40 megapixels.");
    }

    @Test
    void pixelFloodJpegIsRefusedFromItsHeader() {
        assertRefused(TestImages.jpegClaiming(9000, 9000), Reason.TOO_MANY_PIXELS,
                "The picture is too large (9000 × 9000 pixels). "
                        + "Use one of at most 8192 pixels on each side and 40 megapixels.");
    }

    @Test
    void pictureOverEitherPixelLimitIsRefused() {
        assertRefused(TestImages.pngClaiming(8193, 100), Reason.TOO_MANY_PIXELS, null);
        assertRefused(TestImages.pngClaiming(100, 8193), Reason.TOO_MANY_PIXELS, null);
        assertRefused(TestImages.pngClaiming(8000, 5001), Reason.TOO_MANY_PIXELS, null);
    }

    @Test
    void pictureAtThePixelLimitsPassesTheHeaderCheck() {
        // These headers are within the limits, so the decoder gets to run and finds the pixel data missing.
        assertDamaged(TestImages.pngClaiming(8192, 4882));
        assertDamaged(TestImages.pngClaiming(8000, 5000));
    }

    @Test
    void losslessWebPOverEightMegapixelsIsRefusedWithItsOwnLimit() {
        // Decoded whole: 8 megapixels keep the heap under 64 MB (see the README).
        assertRefused(TestImages.webpLosslessClaiming(4000, 2001), Reason.TOO_MANY_PIXELS,
                "The picture is too large (4000 × 2001 pixels). A lossless or transparent WebP image can have at most"
                        + " 8 megapixels: save it smaller, or as JPG or PNG.");
    }

    @Test
    void transparentLossyWebPOverEightMegapixelsIsRefusedWithItsOwnLimit() {
        assertRefused(TestImages.webpTransparentLossyClaiming(4000, 2001), Reason.TOO_MANY_PIXELS,
                "The picture is too large (4000 × 2001 pixels). A lossless or transparent WebP image can have at most"
                        + " 8 megapixels: save it smaller, or as JPG or PNG.");
    }

    @Test
    void webpCanvasCannotHideALargerBitstream() {
        assertRefused(TestImages.webpCanvasWrapping(100, 100, 4000, 2001), Reason.TOO_MANY_PIXELS,
                "The picture is too large (4000 × 2001 pixels). A lossless or transparent WebP image can have at most"
                        + " 8 megapixels: save it smaller, or as JPG or PNG.");
        assertRefused(TestImages.webpCanvasWrapping(100, 100, 9000, 100), Reason.TOO_MANY_PIXELS,
                "The picture is too large (9000 × 100 pixels). "
                        + "Use one of at most 8192 pixels on each side and 40 megapixels.");
    }

    @Test
    void webpAtItsPixelLimitsPassesTheHeaderCheck() {
        // Within the limits, so the decoder gets to run (and finds the pixel data missing, or makes up pixels).
        assertPassesPixelLimits(TestImages.webpLosslessClaiming(4000, 2000));
        assertPassesPixelLimits(TestImages.webpTransparentLossyClaiming(4000, 2000));
        // Lossy WebP without transparency is decoded a row of macroblocks at a time: the general limit applies.
        assertPassesPixelLimits(TestImages.webpLossyClaiming(8000, 5000));
        assertRefused(TestImages.webpLossyClaiming(8000, 5001), Reason.TOO_MANY_PIXELS,
                "The picture is too large (8000 × 5001 pixels). "
                        + "Use one of at most 8192 pixels on each side and 40 megapixels.");
    }

    @Test
    void damagedFileMessageHidesTechnicalDetailsButKeepsThemForTheLog() {
        AvatarRejectedException refusal = catchThrowableOfType(AvatarRejectedException.class,
                () -> processor.process(TestImages.truncated(TestImages.png(TestImages.marked(480, 320, RGB)))));

        assertThat(refusal.getMessage()).isEqualTo("The file seems damaged or incomplete. Try another picture.");
        assertThat(refusal.getCause()).isNotNull();
    }

    private void assertNotAPicture(byte[] upload) {
        assertRefused(upload, Reason.NOT_AN_IMAGE,
                "This file is not a picture we can use. Upload a JPG, PNG, GIF or WebP image.");
    }

    private void assertPassesPixelLimits(byte[] upload) {
        AvatarRejectedException refusal =
                catchThrowableOfType(AvatarRejectedException.class, () -> processor.process(upload));

        if (refusal != null) {
            assertThat(refusal.reason()).isNotEqualTo(Reason.TOO_MANY_PIXELS);
        }
    }

    private void assertDamaged(byte[] upload) {
        assertRefused(upload, Reason.DAMAGED, "The file seems damaged or incomplete. Try another picture.");
    }

    /** @param expectedMessage null when only the reason matters */
    private void assertRefused(byte[] upload, Reason expectedReason, String expectedMessage) {
        AvatarRejectedException refusal =
                catchThrowableOfType(AvatarRejectedException.class, () -> processor.process(upload));

        assertThat(refusal).as("refusal").isNotNull();
        assertThat(refusal.reason()).isEqualTo(expectedReason);
        if (expectedMessage != null) {
            assertThat(refusal.getMessage()).isEqualTo(expectedMessage);
        }
    }

    /** The start of an ISO media file: an 'ftyp' box with a major and compatible brands, then some data. */
    private static byte[] isoMediaFile(String majorBrand, String... compatibleBrands) {
        StringBuilder box = new StringBuilder("ftyp").append(majorBrand).append("\0\0\0\0");
        for (String brand : compatibleBrands) {
            box.append(brand);
        }
        int size = box.length() + 4;
        byte[] header = {0, 0, 0, (byte) size};
        return TestImages.concat(header, box.toString().getBytes(UTF_8), new byte[64]);
    }
}
