package com.practicalcrm.avatar;

import static com.practicalcrm.avatar.EncodedImages.assertMarkedAvatar;
import static com.practicalcrm.avatar.EncodedImages.assertShowsMarkedSquare;
import static com.practicalcrm.avatar.EncodedImages.decode;
import static com.practicalcrm.avatar.EncodedImages.jpegMarkers;
import static com.practicalcrm.avatar.TestImages.Quadrant.BOTTOM_LEFT;
import static com.practicalcrm.avatar.TestImages.Quadrant.BOTTOM_RIGHT;
import static com.practicalcrm.avatar.TestImages.Quadrant.TOP_LEFT;
import static com.practicalcrm.avatar.TestImages.Quadrant.TOP_RIGHT;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicalcrm.avatar.TestImages.Quadrant;
import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Phone photos are stored sideways with an EXIF orientation; avatars must come out upright and without EXIF. */
class AvatarOrientationTest {

    private static final int RGB = BufferedImage.TYPE_INT_RGB;

    private final AvatarImageProcessor processor = new AvatarImageProcessor();

    /**
     * Where a camera stores the top-left (yellow) and top-right (magenta) corners of the scene for each
     * orientation, worked out from the tag's definition (which stored row and column are the visual top and left).
     */
    static Stream<Arguments> storedCorners() {
        return Stream.of(
                Arguments.of(1, TOP_LEFT, TOP_RIGHT),
                Arguments.of(2, TOP_RIGHT, TOP_LEFT),
                Arguments.of(3, BOTTOM_RIGHT, BOTTOM_LEFT),
                Arguments.of(4, BOTTOM_LEFT, BOTTOM_RIGHT),
                Arguments.of(5, TOP_LEFT, BOTTOM_LEFT),
                Arguments.of(6, BOTTOM_LEFT, TOP_LEFT),
                Arguments.of(7, BOTTOM_RIGHT, TOP_RIGHT),
                Arguments.of(8, TOP_RIGHT, BOTTOM_RIGHT));
    }

    @ParameterizedTest(name = "orientation {0}")
    @MethodSource("storedCorners")
    void jpegWithAnyExifOrientationComesOutUpright(int orientation, Quadrant yellowAt, Quadrant magentaAt) {
        byte[] jpeg = TestImages.jpeg(TestImages.marked(320, 320, RGB, yellowAt, magentaAt));

        assertMarkedAvatar(processor.process(TestImages.withExif(jpeg, orientation, ByteOrder.BIG_ENDIAN)));
    }

    /**
     * Every orientation of a large photo, turned and cropped from what each decoder returns: libjpeg-turbo's
     * picture scaled by 1/4 while decoding (2048 × 1536 to 512 × 384), ImageIO's centred square subsampled.
     */
    static Stream<Arguments> storedCornersWithEachDecoder() {
        return storedCorners().flatMap(corners -> JpegDecoders.processors()
                .map(decoder -> Arguments.of(corners.get()[0], corners.get()[1], corners.get()[2],
                        decoder.get()[0], decoder.get()[1])));
    }

    @ParameterizedTest(name = "orientation {0}, {3}")
    @MethodSource("storedCornersWithEachDecoder")
    void largeJpegWithAnyExifOrientationComesOutUprightWithEitherDecoder(int orientation, Quadrant yellowAt,
            Quadrant magentaAt, String decoderName, AvatarImageProcessor withDecoder) {
        byte[] jpeg = TestImages.jpeg(TestImages.marked(2048, 1536, RGB, yellowAt, magentaAt));

        assertMarkedAvatar(withDecoder.process(TestImages.withExif(jpeg, orientation, ByteOrder.BIG_ENDIAN)));
    }

    @Test
    void jpegWithExifOrientation6IsRotatedAndStripped() {
        // A landscape sensor image of a portrait scene: the red and blue bars are left and right in storage.
        byte[] stored = TestImages.jpeg(TestImages.marked(480, 320, RGB, BOTTOM_LEFT, TOP_LEFT));
        byte[] upload = TestImages.withExif(stored, 6, ByteOrder.BIG_ENDIAN);
        assertThat(new String(upload, ISO_8859_1)).as("fixture carries EXIF").contains("Exif");

        ProcessedAvatar avatar = processor.process(upload);

        assertMarkedAvatar(avatar);
        for (AvatarSize size : AvatarSize.values()) {
            byte[] output = avatar.image(size).bytes();
            assertThat(jpegMarkers(output))
                    .as("only JFIF (APP0) may precede the image data: no APP1-APP15, no comment")
                    .noneMatch(marker -> marker >= 0xE1 && marker <= 0xEF || marker == 0xFE);
            assertThat(new String(output, ISO_8859_1)).doesNotContain("Exif");
        }
    }

    @Test
    void littleEndianExifIsReadToo() {
        byte[] stored = TestImages.jpeg(TestImages.marked(320, 320, RGB, TOP_RIGHT, BOTTOM_RIGHT));

        assertMarkedAvatar(processor.process(TestImages.withExif(stored, 8, ByteOrder.LITTLE_ENDIAN)));
    }

    @Test
    void unknownOrientationValueLeavesPictureAsStored() {
        byte[] jpeg = TestImages.jpeg(TestImages.marked(320, 320, RGB));

        assertMarkedAvatar(processor.process(TestImages.withExif(jpeg, 9, ByteOrder.BIG_ENDIAN)));
    }

    @Test
    void malformedExifIsIgnoredNotFatal() {
        byte[] jpeg = TestImages.jpeg(TestImages.marked(320, 320, RGB));
        byte[] brokenTiff = {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0x7F, 0, 0, 0};

        ProcessedAvatar avatar = processor.process(TestImages.withSegmentAfterSoi(jpeg, 0xE1, brokenTiff));

        assertShowsMarkedSquare(decode(avatar.image(AvatarSize.LARGE).bytes()));
    }
}
