package com.practicalcrm.avatar;

import static com.practicalcrm.avatar.EncodedImages.assertAlphaAt;
import static com.practicalcrm.avatar.EncodedImages.assertColourNear;
import static com.practicalcrm.avatar.EncodedImages.assertMarkedAvatar;
import static com.practicalcrm.avatar.EncodedImages.decode;
import static com.practicalcrm.avatar.EncodedImages.jpegMarkers;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/** Every accepted format and its common variants becomes an upright, centred avatar of the right colours. */
class AvatarFormatsTest {

    private static final int RGB = BufferedImage.TYPE_INT_RGB;

    private final AvatarImageProcessor processor = new AvatarImageProcessor();

    @Test
    void baselineJpegBecomesJpegAvatarsOfBothSizes() {
        ProcessedAvatar avatar = processor.process(TestImages.jpeg(TestImages.marked(480, 320, RGB)));

        assertThat(avatar.contentType()).isEqualTo("image/jpeg");
        assertMarkedAvatar(avatar);
    }

    @Test
    void progressiveJpegIsDecoded() {
        byte[] progressive = TestImages.progressiveJpeg(TestImages.marked(320, 480, RGB));
        assertThat(jpegMarkers(progressive)).as("fixture is progressive (SOF2)").contains(0xC2);

        assertMarkedAvatar(processor.process(progressive));
    }

    @Test
    void cmykJpegFromPrintWorkflowIsConvertedToRgb() {
        ProcessedAvatar avatar = processor.process(TestImages.cmykJpeg(TestImages.marked(480, 320, RGB)));

        assertThat(avatar.contentType()).isEqualTo("image/jpeg");
        assertMarkedAvatar(avatar);
    }

    @Test
    void ycckJpegIsConvertedToRgb() {
        assertMarkedAvatar(processor.process(TestImages.ycckJpeg(TestImages.marked(480, 320, RGB))));
    }

    @Test
    void opaquePngBecomesJpegAvatars() {
        ProcessedAvatar avatar = processor.process(TestImages.png(TestImages.marked(480, 320, RGB)));

        assertThat(avatar.contentType()).isEqualTo("image/jpeg");
        assertMarkedAvatar(avatar);
    }

    @Test
    void sixteenBitPngIsDecoded() {
        byte[] png = TestImages.png(TestImages.sixteenBitCopy(TestImages.marked(480, 320, RGB)));
        assertThat(png[24]).as("fixture bit depth in IHDR").isEqualTo((byte) 16);

        assertMarkedAvatar(processor.process(png));
    }

    @Test
    void palettePngIsDecoded() {
        byte[] png = TestImages.png(TestImages.paletteMarked(480, 320, false));
        assertThat(png[25]).as("fixture colour type in IHDR: palette").isEqualTo((byte) 3);

        ProcessedAvatar avatar = processor.process(png);

        assertThat(avatar.contentType()).isEqualTo("image/jpeg");
        assertMarkedAvatar(avatar);
    }

    @Test
    void palettePngWithTransparentEntryStaysTransparentPng() {
        ProcessedAvatar avatar = processor.process(TestImages.png(TestImages.paletteMarked(480, 320, true)));

        assertThat(avatar.contentType()).isEqualTo("image/png");
        assertTransparentBottomLeft(avatar);
    }

    @Test
    void pngWithAlphaBecomesPngAvatarsThatKeepTransparency() {
        ProcessedAvatar avatar = processor.process(TestImages.png(TestImages.markedWithTransparentQuadrant(480, 320)));

        assertThat(avatar.contentType()).isEqualTo("image/png");
        assertTransparentBottomLeft(avatar);
    }

    @Test
    void pngWithAlphaChannelButNoTransparentPixelBecomesJpeg() {
        ProcessedAvatar avatar = processor.process(TestImages.png(
                TestImages.marked(480, 320, BufferedImage.TYPE_INT_ARGB)));

        assertThat(avatar.contentType()).isEqualTo("image/jpeg");
        assertMarkedAvatar(avatar);
    }

    @Test
    void gifIsDecoded() {
        ProcessedAvatar avatar = processor.process(TestImages.gif(TestImages.marked(480, 320, RGB)));

        assertThat(avatar.contentType()).isEqualTo("image/jpeg");
        assertMarkedAvatar(avatar);
    }

    @Test
    void animatedGifKeepsOnlyItsFirstFrame() throws Exception {
        byte[] gif = TestImages.animatedGif(
                TestImages.filled(300, 300, TestImages.RED), TestImages.filled(300, 300, TestImages.BLUE));
        assertThat(frameCount(gif)).as("fixture frames").isEqualTo(2);

        ProcessedAvatar avatar = processor.process(gif);

        for (AvatarSize size : AvatarSize.values()) {
            BufferedImage image = decode(avatar.image(size).bytes());
            assertColourNear(image, image.getWidth() / 2, image.getHeight() / 2, TestImages.RED);
        }
    }

    // The WebP fixtures were made once, since ImageIO cannot write WebP: TestImages.marked(480, 320, RGB) and
    // TestImages.markedWithTransparentQuadrant(480, 320) saved with TestImages.png as marked.png and
    // marked-alpha.png, then, with cwebp 1.2.4 from Debian's webp package:
    //   cwebp -q 80 marked.png -o lossy.webp              cwebp -lossless marked.png -o lossless.webp
    //   cwebp -q 80 marked-alpha.png -o lossy-alpha.webp  cwebp -lossless marked-alpha.png -o lossless-alpha.webp

    @Test
    void lossyWebpIsDecoded() {
        ProcessedAvatar avatar = processor.process(TestImages.resource("lossy.webp"));

        assertThat(avatar.contentType()).isEqualTo("image/jpeg");
        assertMarkedAvatar(avatar);
    }

    @Test
    void losslessWebpIsDecoded() {
        assertMarkedAvatar(processor.process(TestImages.resource("lossless.webp")));
    }

    @Test
    void lossyWebpWithAlphaBecomesTransparentPng() {
        ProcessedAvatar avatar = processor.process(TestImages.resource("lossy-alpha.webp"));

        assertThat(avatar.contentType()).isEqualTo("image/png");
        assertTransparentBottomLeft(avatar);
    }

    @Test
    void losslessWebpWithAlphaBecomesTransparentPng() {
        ProcessedAvatar avatar = processor.process(TestImages.resource("lossless-alpha.webp"));

        assertThat(avatar.contentType()).isEqualTo("image/png");
        assertTransparentBottomLeft(avatar);
    }

    private static void assertTransparentBottomLeft(ProcessedAvatar avatar) {
        for (AvatarSize size : AvatarSize.values()) {
            BufferedImage image = decode(avatar.image(size).bytes());
            int side = image.getWidth();
            assertThat(side).isEqualTo(size.pixels());
            assertThat(image.getColorModel().hasAlpha()).isTrue();
            assertAlphaAt(image, side / 4, 3 * side / 4, 0);
            assertAlphaAt(image, side / 4, side / 4, 255);
            assertColourNear(image, side / 4, side / 4, TestImages.YELLOW);
            assertColourNear(image, 3 * side / 4, side / 4, TestImages.MAGENTA);
            assertColourNear(image, 3 * side / 4, 3 * side / 4, TestImages.GREEN);
        }
    }

    private static int frameCount(byte[] gif) throws Exception {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            ImageReader reader = ImageIO.getImageReaders(input).next();
            reader.setInput(input);
            return reader.getNumImages(true);
        }
    }
}
