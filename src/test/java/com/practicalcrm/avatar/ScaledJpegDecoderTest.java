package com.practicalcrm.avatar;

import static com.practicalcrm.avatar.EncodedImages.assertMarkedAvatar;
import static com.practicalcrm.avatar.EncodedImages.assertShowsMarkedSquare;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * libjpeg-turbo through the FFM API: scaled while decoding, the dimensions checked before, and everything it does not
 * decode cleanly left to ImageIO.
 */
class ScaledJpegDecoderTest {

    private static final int RGB = BufferedImage.TYPE_INT_RGB;
    private static final ScaledJpegDecoder.DimensionCheck ANY_SIZE = (width, height) -> { };

    private final ScaledJpegDecoder turbo = JpegDecoders.libjpegTurbo();

    @Test
    void photoIsScaledByTheLargestFactorThatKeepsTheSquareAtLeastTheRequestedSide() {
        byte[] photo = TestImages.jpeg(TestImages.marked(4000, 3008, RGB));

        assertThat(turbo.centredSquare(photo, 256, ANY_SIZE).orElseThrow().getWidth()).as("1/8").isEqualTo(376);
        assertThat(turbo.centredSquare(photo, 377, ANY_SIZE).orElseThrow().getWidth()).as("1/4").isEqualTo(752);
        assertThat(turbo.centredSquare(photo, 1600, ANY_SIZE).orElseThrow().getWidth()).as("1/1").isEqualTo(3008);
    }

    @Test
    void squareIsTheCentreOfTheScaledPictureUpright() {
        BufferedImage square = turbo.centredSquare(TestImages.jpeg(TestImages.marked(1536, 1024, RGB)), 256,
                ANY_SIZE).orElseThrow();

        assertThat(square.getWidth()).isEqualTo(256);
        assertThat(square.getHeight()).isEqualTo(256);
        assertShowsMarkedSquare(square);
    }

    @Test
    void dimensionsAreCheckedFromTheHeaderBeforeAnyPixelIsDecoded() {
        // Only the frame header is right: decoding would fail, so the check's refusal must come first.
        byte[] flood = TestImages.jpegClaiming(9000, 9000);
        List<String> checked = new ArrayList<>();

        assertThatThrownBy(() -> turbo.centredSquare(flood, 256, (width, height) -> {
            checked.add(width + " × " + height);
            throw AvatarRejectedException.tooManyPixels(width, height);
        })).isInstanceOf(AvatarRejectedException.class);
        assertThat(checked).containsExactly("9000 × 9000");
    }

    @Test
    void cmykAndYcckAreLeftToImageIo() {
        assertThat(turbo.centredSquare(TestImages.cmykJpeg(TestImages.marked(480, 320, RGB)), 256, ANY_SIZE))
                .isEmpty();
        assertThat(turbo.centredSquare(TestImages.ycckJpeg(TestImages.marked(480, 320, RGB)), 256, ANY_SIZE))
                .isEmpty();
    }

    @Test
    void fileWithADecoderWarningIsLeftToImageIoWhichAcceptsItAsBefore() {
        // Stray bytes before the end marker: libjpeg warns "extraneous bytes before marker", ImageIO decodes on.
        byte[] jpeg = TestImages.jpeg(TestImages.marked(480, 320, RGB));
        byte[] withStrayBytes = TestImages.concat(Arrays.copyOf(jpeg, jpeg.length - 2), new byte[100],
                Arrays.copyOfRange(jpeg, jpeg.length - 2, jpeg.length));

        assertThat(turbo.centredSquare(withStrayBytes, 256, ANY_SIZE)).isEmpty();
        assertMarkedAvatar(new AvatarImageProcessor(Optional.of(turbo)).process(withStrayBytes));
    }

    @Test
    void damagedFileIsLeftToImageIoWhichRefusesIt() {
        byte[] jpeg = TestImages.jpeg(TestImages.marked(480, 320, RGB));
        byte[] garbled = jpeg.clone();
        Arrays.fill(garbled, jpeg.length / 2, jpeg.length / 2 + 200, (byte) 0xFF);

        assertThat(turbo.centredSquare(garbled, 256, ANY_SIZE)).isEmpty();
    }

    @Test
    void missingLibraryLeavesEveryJpegToImageIo() {
        assertThat(ScaledJpegDecoder.load(List.of("libno-such-turbojpeg.so.0"))).isEmpty();
    }

    @Test
    void libraryThatIsNotTurboJpegIsNotUsed() {
        assertThat(ScaledJpegDecoder.load(List.of("libz.so.1"))).isEmpty();
    }
}
