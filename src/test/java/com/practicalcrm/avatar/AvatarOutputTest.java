package com.practicalcrm.avatar;

import static com.practicalcrm.avatar.EncodedImages.assertMarkedAvatar;
import static com.practicalcrm.avatar.EncodedImages.assertShowsMarkedSquare;
import static com.practicalcrm.avatar.EncodedImages.decode;
import static com.practicalcrm.avatar.EncodedImages.jpegMarkers;
import static com.practicalcrm.avatar.EncodedImages.pngChunkTypes;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicalcrm.avatar.TestImages.PngChunk;
import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What is kept: exact square sizes, no upscaling, and nothing of the upload but its pixels. */
class AvatarOutputTest {

    private static final int RGB = BufferedImage.TYPE_INT_RGB;
    private static final String SECRET = "Home 48.8584 N 2.2945 E";

    private final AvatarImageProcessor processor = new AvatarImageProcessor();

    @Test
    void largePhotoIsScaledWhileDecodingByLibjpegTurboAndScaledToExactSizes() {
        byte[] photo = TestImages.jpeg(TestImages.marked(4000, 3008, RGB));
        AvatarImageProcessor turbo = new AvatarImageProcessor(Optional.of(JpegDecoders.libjpegTurbo()));

        BufferedImage decoded = turbo.uprightSquare(photo);
        ProcessedAvatar avatar = turbo.process(photo);

        assertThat(decoded.getWidth()).as("decoded side: 1/8 of 3008, the smallest scale still over 256 px")
                .isEqualTo(376);
        assertMarkedAvatar(avatar);
    }

    @Test
    void theAppsProcessorUsesLibjpegTurboWhereTheMachineHasIt() {
        byte[] photo = TestImages.jpeg(TestImages.marked(4000, 3008, RGB));

        assertThat(new AvatarImageProcessor().uprightSquare(photo).getWidth()).as("scaled while decoding")
                .isEqualTo(376);
    }

    @Test
    void largePhotoIsDecodedSubsampledByImageIoWithoutLibjpegTurboAndScaledToExactSizes() {
        byte[] photo = TestImages.jpeg(TestImages.marked(4000, 3008, RGB));
        AvatarImageProcessor imageIo = new AvatarImageProcessor(Optional.empty());

        BufferedImage decoded = imageIo.uprightSquare(photo);
        ProcessedAvatar avatar = imageIo.process(photo);

        assertThat(decoded.getWidth()).as("decoded side: subsampled, still twice the largest size")
                .isBetween(2 * AvatarSize.LARGE.pixels(), 4 * AvatarSize.LARGE.pixels());
        assertMarkedAvatar(avatar);
    }

    @Test
    void largePngIsDecodedSubsampledAndScaledToExactSizes() {
        byte[] picture = TestImages.png(TestImages.marked(4000, 3008, RGB));

        BufferedImage decoded = processor.uprightSquare(picture);
        ProcessedAvatar avatar = processor.process(picture);

        assertThat(decoded.getWidth()).as("decoded side: subsampled, still twice the largest size")
                .isBetween(2 * AvatarSize.LARGE.pixels(), 4 * AvatarSize.LARGE.pixels());
        assertMarkedAvatar(avatar);
    }

    @Test
    void portraitPictureIsCroppedToItsCentredSquare() {
        assertMarkedAvatar(processor.process(TestImages.png(TestImages.marked(320, 640, RGB))));
    }

    @Test
    void smallPictureIsNeverScaledUp() {
        ProcessedAvatar avatar = processor.process(TestImages.png(TestImages.marked(40, 40, RGB)));

        for (AvatarSize size : AvatarSize.values()) {
            assertThat(avatar.image(size).side()).isEqualTo(40);
            BufferedImage image = decode(avatar.image(size).bytes());
            assertThat(image.getWidth()).isEqualTo(40);
            assertShowsMarkedSquare(image);
        }
    }

    @Test
    void pictureBetweenTheSizesIsScaledDownOnlyWhereLarger() {
        ProcessedAvatar avatar = processor.process(TestImages.png(TestImages.marked(150, 100, RGB)));

        assertThat(avatar.image(AvatarSize.LARGE).side()).isEqualTo(100);
        assertThat(decode(avatar.image(AvatarSize.LARGE).bytes()).getWidth()).isEqualTo(100);
        assertThat(avatar.image(AvatarSize.SMALL).side()).isEqualTo(64);
        assertThat(decode(avatar.image(AvatarSize.SMALL).bytes()).getWidth()).isEqualTo(64);
    }

    @Test
    void smallerSizesAreMadeAfterTheLargestAndAreWhatScalingAndEncodingTheLargestGives() {
        byte[] photo = TestImages.jpeg(TestImages.marked(4000, 3008, RGB));
        byte[] transparent = TestImages.png(TestImages.markedWithTransparentQuadrant(480, 320));

        for (byte[] upload : List.of(photo, transparent)) {
            ProcessedAvatar asked = processor.process(upload);
            ProcessedAvatar completed = processor.process(upload);
            assertThat(asked.allSizesMade()).as("only the preview is made at once").isFalse();
            assertThat(asked.image(AvatarSize.LARGE)).isNotNull();
            assertThat(asked.allSizesMade()).as("the preview does not make the smaller sizes").isFalse();

            completed.completeSmallerSizes();
            byte[] small = asked.image(AvatarSize.SMALL).bytes();

            assertThat(asked.allSizesMade()).isTrue();
            assertThat(completed.allSizesMade()).isTrue();
            assertThat(completed.image(AvatarSize.SMALL).bytes()).isEqualTo(small);
            // What the processor did before it put the smaller sizes off: 64 px scaled from the 256 px pixels,
            // in the same format (PNG only with transparency), without metadata.
            BufferedImage large = AvatarImageProcessor.scaledDown(processor.uprightSquare(upload), AvatarSize.LARGE);
            OutputFormat format = OutputFormat.suitedTo(large);
            assertThat(format.contentType()).isEqualTo(asked.contentType());
            Optional<JpegEncoder> encoder = JpegEncoder.onThisMachine();
            assertThat(asked.image(AvatarSize.LARGE).bytes()).isEqualTo(format.encode(large, encoder));
            assertThat(small)
                    .isEqualTo(format.encode(AvatarImageProcessor.scaledDown(large, AvatarSize.SMALL), encoder));
            assertThat(asked.image(AvatarSize.SMALL).side()).isEqualTo(AvatarSize.SMALL.pixels());
            assertThat(decode(small).getWidth()).isEqualTo(AvatarSize.SMALL.pixels());
        }
    }

    @Test
    void pngTextAndExifChunksAreNotCarriedOver() {
        byte[] exif = TestImages.withExif(TestImages.jpeg(TestImages.filled(16, 16, TestImages.GREEN)), 1,
                ByteOrder.BIG_ENDIAN);
        byte[] upload = TestImages.withPngChunks(TestImages.png(TestImages.markedWithTransparentQuadrant(480, 320)),
                List.of(PngChunk.text("Comment", SECRET), PngChunk.compressedText("Location", SECRET),
                        PngChunk.internationalText("Author", SECRET), new PngChunk("eXIf", exifPayload(exif))));
        assertThat(pngChunkTypes(upload)).as("fixture chunks").contains("tEXt", "zTXt", "iTXt", "eXIf");

        ProcessedAvatar avatar = processor.process(upload);

        assertThat(avatar.contentType()).isEqualTo("image/png");
        for (AvatarSize size : AvatarSize.values()) {
            byte[] output = avatar.image(size).bytes();
            assertThat(pngChunkTypes(output)).isSubsetOf("IHDR", "PLTE", "tRNS", "IDAT", "IEND");
            assertThat(new String(output, ISO_8859_1)).doesNotContain("Home", "Exif", "MM\0*");
        }
    }

    @Test
    void jpegCommentsAndPaddingAreNotCarriedOver() {
        byte[] jpeg = TestImages.jpeg(TestImages.marked(480, 320, RGB));
        byte[] withComment = TestImages.withSegmentAfterSoi(jpeg, 0xFE, SECRET.getBytes(ISO_8859_1));
        byte[] upload = TestImages.concat(withComment, ("<?php system($_GET['c']); ?>" + SECRET).getBytes(ISO_8859_1));

        ProcessedAvatar avatar = processor.process(upload);

        for (AvatarSize size : AvatarSize.values()) {
            byte[] output = avatar.image(size).bytes();
            assertThat(jpegMarkers(output)).noneMatch(marker -> marker >= 0xE1 && marker <= 0xEF || marker == 0xFE);
            assertThat(new String(output, ISO_8859_1)).doesNotContain("Home", "php");
        }
    }

    @Test
    void opaquePngWithMetadataBecomesJpegWithoutIt() {
        byte[] upload = TestImages.withPngChunks(TestImages.png(TestImages.marked(480, 320, RGB)),
                List.of(PngChunk.text("Comment", SECRET)));

        ProcessedAvatar avatar = processor.process(upload);

        assertThat(avatar.contentType()).isEqualTo("image/jpeg");
        byte[] output = avatar.image(AvatarSize.LARGE).bytes();
        assertThat(jpegMarkers(output)).noneMatch(marker -> marker >= 0xE1 && marker <= 0xEF || marker == 0xFE);
        assertThat(new String(output, ISO_8859_1)).doesNotContain("Home");
    }

    /** The TIFF structure of a JPEG's EXIF segment, which is what a PNG eXIf chunk holds. */
    private static byte[] exifPayload(byte[] jpegWithExif) {
        int length = (jpegWithExif[4] & 0xFF) << 8 | jpegWithExif[5] & 0xFF;
        return Arrays.copyOfRange(jpegWithExif, 6 + 6, 4 + length);
    }
}
